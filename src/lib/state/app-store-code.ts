/**
 * What `AppState` needs of the device's stores and sync, in one module it loads when someone is signed in
 * or signs in (app.svelte.ts `storeCode`): Dexie and the store stay off the first page of a new device.
 */
export { DeviceStore } from '$lib/store/desk';
export { Ledger } from '$lib/store/ledger';
export { reconcileAfterLoss, StorageGuard } from '$lib/store/storage-guard';
export { SyncEngine } from '$lib/sync/engine';
export { Workspace } from '$lib/store/workspace';
