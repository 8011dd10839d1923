/**
 * Where opportunities are shown. Imports nothing, so the home page (which must not bring the domain's
 * schemas) can link to one; everything else reaches these through paths.ts.
 */
/** Opportunities are addressed by the ULID part of their id: `/opportunities/01J…` for `opportunity:01J…`. */
export function opportunityPath(id: string, page?: 'edit'): string {
	const base = `/opportunities/${encodeURIComponent(id.replace(/^opportunity:/, ''))}`;
	return page ? `${base}/${page}` : base;
}

export function opportunityIdFromParam(param: string): string {
	return `opportunity:${param}`;
}
