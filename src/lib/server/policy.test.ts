import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DATABASES, ROLES } from '../domain/accounts';
import {
	ACCESS,
	accessTableMarkdown,
	databasesFor,
	may,
	mayManageAccounts,
	mayOpen,
	OPERATIONS,
	routeTableMarkdown
} from './policy';

/** A Markdown table's rows as lists of trimmed cells, whatever the column padding. */
function tableRows(markdown: string): string[][] {
	return markdown
		.split('\n')
		.filter((line) => line.trim().startsWith('|'))
		.map((line) =>
			line
				.trim()
				.slice(1, -1)
				.split('|')
				.map((cell) => cell.trim().replace(/^-+$/, '---'))
		);
}

function containsTable(doc: string, table: string): boolean {
	const wanted = JSON.stringify(tableRows(table));
	const lines = doc.split('\n');
	// Find each table block in the document and compare it whole.
	const blocks: string[] = [];
	let current: string[] = [];
	for (const line of lines) {
		if (line.trim().startsWith('|')) current.push(line);
		else if (current.length > 0) {
			blocks.push(current.join('\n'));
			current = [];
		}
	}
	if (current.length > 0) blocks.push(current.join('\n'));
	return blocks.some((block) => JSON.stringify(tableRows(block)) === wanted);
}

describe('access policy', () => {
	const active = (...roles: (typeof ROLES)[number][]) => ({ roles, active: true });

	it('lets only coordinators read signups and nobody write it through /db', () => {
		for (const role of ROLES) {
			expect(may(active(role), 'signups', 'read')).toBe(role === 'coordinator');
			expect(may(active(role), 'signups', 'write')).toBe(false);
			expect(may(active(role), 'signups', 'checkpoint')).toBe(false);
			for (const operation of OPERATIONS) expect(may(active(role), 'network', operation)).toBe(true);
		}
		expect(ACCESS.signups.write).toEqual([]);
	});

	it('lists the databases a person may sync, and nothing for a switched-off account', () => {
		expect(databasesFor(active('member'))).toEqual(['network']);
		expect(databasesFor(active('chair', 'member'))).toEqual(['network']);
		expect(databasesFor(active('recruiter'))).toEqual(['network']);
		expect(databasesFor(active('coordinator'))).toEqual(['network', 'signups']);
		expect(databasesFor(active('member', 'coordinator'))).toEqual(['network', 'signups']);
		const off = { roles: ['coordinator'] as const, active: false };
		expect(databasesFor(off)).toEqual([]);
		expect(mayOpen(off, 'network')).toBe(false);
		expect(mayManageAccounts(off)).toBe(false);
		expect(mayManageAccounts(active('coordinator'))).toBe(true);
		expect(mayManageAccounts(active('chair', 'recruiter', 'member'))).toBe(false);
		expect(Object.keys(ACCESS).sort()).toEqual([...DATABASES].sort());
	});

	it('is documented in docs/SECURITY.md exactly as it is enforced', async () => {
		const doc = await readFile(new URL('../../../docs/SECURITY.md', import.meta.url), 'utf8');
		expect(containsTable(doc, accessTableMarkdown()), accessTableMarkdown()).toBe(true);
		expect(containsTable(doc, routeTableMarkdown()), routeTableMarkdown()).toBe(true);
	});
});
