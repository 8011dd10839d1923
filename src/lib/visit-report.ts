import {
	keyQuestionLabel,
	observationKindLabel,
	siteTypeLabel,
	templateLabel
} from '$lib/components/visits/visit-text';
import { groupReport, type ObservationKind } from '$lib/domain';
import { longDate } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { VisitRow } from '$lib/store/desk';
import type { ObservationItem, VisitView } from '$lib/store/visit-query';

/**
 * A visit report: what it opens with (which visit, where, when, who visited), its observations grouped
 * by key question and kind, and the whole as plain text to paste into an email or a document.
 */

/** A person's name for people to read, from their account name. */
export type NameOf = (account: string) => string;

export interface ReportFact {
	label: string;
	value: string;
}

export interface ReportPart {
	/** The part's title: a key question, or "Other observations" after some; none when it is the only part. */
	heading: string | undefined;
	kinds: { kind: ObservationKind; label: string; observations: ObservationItem[] }[];
}

/** What the report opens with. */
export function reportFacts(visit: VisitRow, observations: number, nameOf: NameOf): ReportFact[] {
	return [
		{ label: m.vis_fact_site(), value: `${visit.siteName} (${siteTypeLabel(visit.siteType)})` },
		{ label: m.vis_fact_date(), value: longDate(visit.date) },
		{ label: m.vis_kind_of_visit(), value: templateLabel(visit.template) },
		{
			label: m.vis_fact_visited_by(),
			value: visit.visitors.length > 0 ? visit.visitors.map(nameOf).join(', ') : m.vis_not_recorded()
		},
		...(visit.purpose ? [{ label: m.vis_fact_purpose(), value: visit.purpose }] : []),
		{ label: m.vis_fact_observations(), value: m.vis_observation_count({ count: observations }) }
	];
}

/**
 * The report's parts: by key question in the CQC's order, then the observations with none, each part by
 * kind. A part is titled only where the title tells it from another.
 */
export function reportParts(observations: readonly ObservationItem[]): ReportPart[] {
	const sections = groupReport(
		observations.map((item) => ({
			item,
			keyQuestion: item.row.keyQuestion,
			kind: item.row.kind,
			createdAt: item.row.createdAt
		}))
	);
	return sections.map((section) => ({
		heading: section.keyQuestion
			? keyQuestionLabel(section.keyQuestion)
			: sections.length > 1
				? m.vis_other_observations()
				: undefined,
		kinds: section.kinds.map((group) => ({
			kind: group.kind,
			label: observationKindLabel(group.kind),
			observations: group.observations.map(({ item }) => item)
		}))
	}));
}

/** The report as plain text. */
export function visitReportText(view: VisitView, nameOf: NameOf): string {
	const lines = [m.vis_report_heading({ site: view.visit.siteName }), ''];
	for (const fact of reportFacts(view.visit, view.observations.length, nameOf))
		lines.push(`${fact.label}: ${fact.value}`);
	for (const part of reportParts(view.observations)) {
		lines.push('');
		if (part.heading) lines.push(part.heading.toUpperCase());
		for (const group of part.kinds) {
			lines.push(`${group.label}:`);
			for (const { row } of group.observations) lines.push(`- ${row.text} (${nameOf(row.author)})`);
		}
	}
	return lines.join('\n');
}
