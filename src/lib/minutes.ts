import { actionStatusLabel, kindText } from '$lib/components/meetings/meeting-text';
import type { Decision } from '$lib/domain';
import { formatCount, listed } from '$lib/format';
import { clockTime, dueDate, meetingDay, meetingWhen, personName } from '$lib/meeting-format';
import { m } from '$lib/paraglide/messages';
import type { ActionView, MeetingView } from '$lib/store/meeting-query';

/** Minutes as plain text, to paste into an email or a document, and the words the printed minutes share. */

/**
 * The network's name, heading printed minutes. The network has no name of its own anywhere yet (no setting,
 * no server configuration): the app's name stands for it.
 */
export const networkName = (): string => m.app_name();

/** "Minutes of North and coast members’ meeting" */
export function minutesHeading(title: string): string {
	return m.mtg_minutes_heading({ title });
}

export function votesText(decision: Pick<Decision, 'votesFor' | 'votesAgainst' | 'votesAbstain'>): string {
	const count = (votes: number | null, say: (inputs: { count: string }) => string) =>
		votes !== null ? say({ count: formatCount(votes) }) : '';
	const parts = [
		count(decision.votesFor, m.mtg_votes_for),
		count(decision.votesAgainst, m.mtg_votes_against),
		count(decision.votesAbstain, m.mtg_votes_abstain)
	].filter(Boolean);
	return parts.length ? m.mtg_show_of_hands({ votes: listed(parts) }) : '';
}

function actionLine(action: ActionView): string {
	const { doc } = action.row;
	const line = m.mtg_minutes_action({
		text: doc.text,
		owner: action.ownerName,
		kind: kindText(doc.ownerKind),
		date: dueDate(doc.due),
		status: actionStatusLabel(action.progress.status)
	});
	return `- ${line}`;
}

export function minutesText(view: MeetingView): string {
	const { row: meeting } = view.meeting;
	const name = (account: string) => personName(view.names, account);
	const lines: string[] = [minutesHeading(meeting.title), networkName()];
	lines.push(`${view.group?.name ?? m.mtg_group()}: ${meetingWhen(meeting)}`);
	if (meeting.place) lines.push(m.mtg_minutes_place({ place: meeting.place }));
	if (meeting.onlineLink) lines.push(m.mtg_minutes_online({ link: meeting.onlineLink }));
	lines.push(m.mtg_minutes_chair({ name: name(meeting.chair), kind: kindText(meeting.chairKind) }));
	if (meeting.status === 'cancelled') lines.push(m.mtg_minutes_cancelled({ reason: meeting.cancelReason }));
	lines.push(
		meeting.approvedBy && meeting.approvedAt
			? m.mtg_minutes_approved_by({ name: name(meeting.approvedBy), date: meetingDay(meeting.approvedAt) })
			: m.mtg_minutes_draft()
	);
	const present = view.attendance.filter((person) => person.status === 'present');
	const apologies = view.attendance.filter((person) => person.status === 'apologies');
	lines.push('');
	const names = listed(present.map((person) => person.name)) || m.mtg_minutes_not_recorded();
	lines.push(m.mtg_minutes_present({ names }));
	if (apologies.length)
		lines.push(m.mtg_minutes_apologies({ names: listed(apologies.map((person) => person.name)) }));

	view.agenda.forEach((entry, i) => {
		const item = entry.item.row.doc;
		lines.push('');
		const timing = [
			entry.startsAt ? clockTime(entry.startsAt) : '',
			item.minutes ? m.mtg_item_minutes({ count: item.minutes }) : ''
		].filter(Boolean);
		lines.push(`${i + 1}. ${item.title}${timing.length ? ` (${listed(timing)})` : ''}`);
		lines.push(m.mtg_proposed_by_kind({ name: entry.item.proposerName, kind: kindText(item.proposerKind) }));
		for (const note of view.notes[item._id] ?? []) {
			if (note.row.doc.notes)
				lines.push(m.mtg_minutes_notes_by({ name: note.authorName }), note.row.doc.notes);
		}
		for (const decision of view.decisions.filter((d) => d.row.doc.itemId === item._id)) {
			const votes = votesText(decision.row.doc);
			lines.push(`${m.mtg_minutes_decision({ text: decision.row.doc.text })}${votes ? ` (${votes})` : ''}`);
		}
		const actions = view.actions.filter((action) => action.row.doc.itemId === item._id);
		if (actions.length) lines.push(m.mtg_minutes_actions(), ...actions.map(actionLine));
	});
	const placed = new Set(view.agenda.map((entry) => entry.item.id));
	const otherDecisions = view.decisions.filter((d) => !d.row.doc.itemId || !placed.has(d.row.doc.itemId));
	const otherActions = view.actions.filter((a) => !a.row.doc.itemId || !placed.has(a.row.doc.itemId));
	if (otherDecisions.length || otherActions.length) {
		lines.push('', m.mtg_other_business());
		for (const decision of otherDecisions)
			lines.push(m.mtg_minutes_decision({ text: decision.row.doc.text }));
		if (otherActions.length) lines.push(m.mtg_minutes_actions(), ...otherActions.map(actionLine));
	}
	return lines.join('\n') + '\n';
}
