/** How site visits and their observations land in the desk. */
import { contentRow, createdRow, type Writers } from './read-models';

export const visitWriters: Writers<'visit' | 'observation'> = {
	visit: (doc, { rev, conflicts }) => ({ rows: { visits: { ...createdRow(doc), rev, conflicts } } }),
	observation: (doc, { rev, conflicts }) => ({
		rows: { observations: { ...contentRow(doc), rev, conflicts } }
	})
};
