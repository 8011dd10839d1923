import { ACTION_STATUS_LABELS, type Decision } from '$lib/domain';
import { clockTime, dueDate, meetingDay, meetingWhen, personName } from '$lib/meeting-format';
import type { ActionView, MeetingView } from '$lib/store/meeting-query';

/** Minutes as plain text, to paste into an email or a document, and the words the printed minutes share. */

/**
 * The network's name, heading printed minutes. The network has no name of its own anywhere yet (no setting,
 * no server configuration): the app's name stands for it.
 */
export const NETWORK_NAME = 'Coproduce';

/** "Minutes of North and coast members’ meeting" */
export function minutesHeading(title: string): string {
	return `Minutes of ${title}`;
}

export function votesText(decision: Pick<Decision, 'votesFor' | 'votesAgainst' | 'votesAbstain'>): string {
	const parts = [
		decision.votesFor !== null ? `${decision.votesFor} for` : '',
		decision.votesAgainst !== null ? `${decision.votesAgainst} against` : '',
		decision.votesAbstain !== null ? `${decision.votesAbstain} did not vote` : ''
	].filter(Boolean);
	return parts.length ? `Show of hands: ${parts.join(', ')}` : '';
}

export function kindText(kind: 'member' | 'staff'): string {
	return kind === 'member' ? 'a member' : 'staff';
}

function actionLine(action: ActionView): string {
	const { doc } = action.row;
	return `- ${doc.text}. Owner: ${action.ownerName} (${kindText(doc.ownerKind)}). Due ${dueDate(doc.due)}. ${ACTION_STATUS_LABELS[action.progress.status]}.`;
}

export function minutesText(view: MeetingView): string {
	const { row: meeting } = view.meeting;
	const name = (account: string) => personName(view.names, account);
	const lines: string[] = [minutesHeading(meeting.title), NETWORK_NAME];
	lines.push(`${view.group?.name ?? 'Group'}: ${meetingWhen(meeting)}`);
	if (meeting.place) lines.push(`Place: ${meeting.place}`);
	if (meeting.onlineLink) lines.push(`Online: ${meeting.onlineLink}`);
	lines.push(`Chair: ${name(meeting.chair)} (${kindText(meeting.chairKind)})`);
	if (meeting.status === 'cancelled') lines.push(`Cancelled: ${meeting.cancelReason}`);
	lines.push(
		meeting.approvedBy && meeting.approvedAt
			? `Minutes approved by ${name(meeting.approvedBy)} on ${meetingDay(meeting.approvedAt)}`
			: 'Draft minutes: not approved yet'
	);
	const present = view.attendance.filter((person) => person.status === 'present');
	const apologies = view.attendance.filter((person) => person.status === 'apologies');
	lines.push('');
	lines.push(`Present: ${present.map((person) => person.name).join(', ') || 'not recorded'}`);
	if (apologies.length) lines.push(`Apologies: ${apologies.map((person) => person.name).join(', ')}`);

	view.agenda.forEach((entry, i) => {
		const item = entry.item.row.doc;
		lines.push('');
		const timing = [
			entry.startsAt ? clockTime(entry.startsAt) : '',
			item.minutes ? `${item.minutes} minutes` : ''
		].filter(Boolean);
		lines.push(`${i + 1}. ${item.title}${timing.length ? ` (${timing.join(', ')})` : ''}`);
		lines.push(`Proposed by ${entry.item.proposerName} (${kindText(item.proposerKind)})`);
		for (const note of view.notes[item._id] ?? []) {
			if (note.row.doc.notes) lines.push(`Notes by ${note.authorName}:`, note.row.doc.notes);
		}
		for (const decision of view.decisions.filter((d) => d.row.doc.itemId === item._id)) {
			const votes = votesText(decision.row.doc);
			lines.push(`Decision: ${decision.row.doc.text}${votes ? ` (${votes})` : ''}`);
		}
		const actions = view.actions.filter((action) => action.row.doc.itemId === item._id);
		if (actions.length) lines.push('Actions:', ...actions.map(actionLine));
	});
	const placed = new Set(view.agenda.map((entry) => entry.item.id));
	const otherDecisions = view.decisions.filter((d) => !d.row.doc.itemId || !placed.has(d.row.doc.itemId));
	const otherActions = view.actions.filter((a) => !a.row.doc.itemId || !placed.has(a.row.doc.itemId));
	if (otherDecisions.length || otherActions.length) {
		lines.push('', 'Other business');
		for (const decision of otherDecisions) lines.push(`Decision: ${decision.row.doc.text}`);
		if (otherActions.length) lines.push('Actions:', ...otherActions.map(actionLine));
	}
	return lines.join('\n') + '\n';
}
