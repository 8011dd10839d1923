import { newDoc, profileId, profileInputSchema, type ProfileInput, type SignupPlaintext } from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import type { ProfileRow } from '$lib/store/involvement-rows';
import type { Synced } from '$lib/store/meeting-query';
import { loadProfile } from '$lib/store/profile-query';
import type { Workspace } from '$lib/store/workspace';
import { checkedBy, DraftForm } from './draft-form.svelte';
import { Live } from './live.svelte';

/**
 * A member's profile: what they are interested in, when and how they can take part, the skills they bring,
 * how they need information and how they want to be paid back. The member edits their own; coordinators
 * anyone's (and start one from a sign-up when the person joins).
 */

/** The form's values: choices as lists of their values, the miles as typed. */
export interface ProfileFormValues {
	interests: string[];
	otherInterests: string;
	days: string[];
	times: string[];
	places: string[];
	travelMiles: string;
	skillsOffered: string;
	skillsToDevelop: string;
	communicationNeeds: string[];
	communicationNote: string;
	contactBy: string[];
	payment: string;
}

const EMPTY: ProfileFormValues = {
	interests: [],
	otherInterests: '',
	days: [],
	times: [],
	places: [],
	travelMiles: '',
	skillsOffered: '',
	skillsToDevelop: '',
	communicationNeeds: [],
	communicationNote: '',
	contactBy: [],
	payment: 'not-sure'
};

/** The miles as a number, or as typed when it is not one (so the schema says what is wrong). */
function miles(text: string): number | string | null {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	const value = Number(trimmed);
	return Number.isNaN(value) ? trimmed : value;
}

function valuesOf(row: ProfileRow): ProfileFormValues {
	return { ...row, travelMiles: row.travelMiles === null ? '' : String(row.travelMiles) };
}

/** A member's profile as it is on this device: null when there is none yet, undefined until read. */
export function profileRecord(
	workspace: Workspace,
	member: () => string
): Live<Synced<ProfileRow> | null | undefined, string> {
	return new Live(member, (name) => loadProfile(workspace.desk, name), undefined);
}

/** Filling in or changing `member`'s profile (`existing` when there is one), kept as a draft on every keystroke. */
export function profileForm(workspace: Workspace, member: string, existing: ProfileRow | null) {
	const form = new DraftForm<ProfileFormValues, ProfileInput>(
		workspace.desk,
		`profile:edit:${member}`,
		EMPTY,
		(values) => checkedBy(profileInputSchema.safeParse({ ...values, travelMiles: miles(values.travelMiles) }))
	);
	const initial = existing ? valuesOf(existing) : {};
	return {
		form,
		load: () => form.load(initial),
		discard: () => form.discardDraft(initial),
		save: () =>
			form.submit((value) => saveProfile(workspace, member, value), {
				what: m.inv_what_profile(),
				after: 'keep'
			})
	};
}

/**
 * What a profile page starts from: the profile on this device, and its form once that has been read (so the
 * form starts from what is saved, with any draft over it). `saved` says a save has just worked.
 */
export class ProfileEditor {
	readonly record: Live<Synced<ProfileRow> | null | undefined, string>;
	editor = $state<ReturnType<typeof profileForm>>();
	saved = $state(false);

	constructor(workspace: Workspace, member: string) {
		this.record = profileRecord(workspace, () => member);
		$effect(() => {
			const current = this.record.value;
			if (current === undefined || this.editor) return;
			this.editor = profileForm(workspace, member, current?.row ?? null);
			void this.editor.load();
		});
	}

	async save(): Promise<void> {
		this.saved = (await this.editor?.save()) ?? false;
	}
}

/** Writes `member`'s profile: a new one, or a change over the one on this device. */
async function saveProfile(workspace: Workspace, member: string, value: ProfileInput): Promise<void> {
	const id = profileId(member);
	if (await workspace.desk.profiles.get(id)) await workspace.writer.update('profile', id, () => value);
	else await workspace.writer.save(newDoc('profile', workspace.account, { member, ...value }, { id }));
}

/**
 * Starts the profile of someone who has just joined from a sign-up (by the coordinator on this device):
 * what they said they care about and the access needs they gave, in their own words.
 */
export async function startProfileFromSignup(
	workspace: Workspace,
	member: string,
	details: Pick<SignupPlaintext['details'], 'interests' | 'accessNeeds'>
): Promise<void> {
	await saveProfile(workspace, member, {
		otherInterests: details.interests,
		communicationNote: details.accessNeeds
	});
}

/** A list of values with their labels (a record, or a function that says each), as a field's choices. */
export function choices<T extends string>(
	values: readonly T[],
	labels: Record<T, string> | ((value: T) => string)
): { value: T; label: string }[] {
	const label = typeof labels === 'function' ? labels : (value: T) => labels[value];
	return values.map((value) => ({ value, label: label(value) }));
}
