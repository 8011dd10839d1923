export * from './accounts';
export * from './attachments';
export * from './common';
export * from './documents';
export * from './ids';
export * from './idea';
export * from './passwords';
export * from './rules';
