import type { SessionInfo } from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import { recentIdeaTitles } from '$lib/store/idea-query';
import { conflictedParts } from '$lib/store/meeting-query';
import type { MeetingRow } from '$lib/store/meeting-rows';
import type { Workspace } from '$lib/store/workspace';
import { Live } from './live.svelte';
import { actionForm, attendanceForm, decisionForm, noteForm } from './meeting-forms.svelte';

/**
 * The notes page beside the meeting: ideas to link an action to, parts in conflict, and the forms people
 * fill in as it goes (attendance; for each agenda item, their notes, decisions and actions), made once per
 * meeting and item so a page that redraws keeps what is typed.
 */

/** An agenda item's forms on the notes page. */
export interface ItemForms {
	note: ReturnType<typeof noteForm>;
	decision: ReturnType<typeof decisionForm>;
	action: ReturnType<typeof actionForm>;
}

export type AttendanceForm = ReturnType<typeof attendanceForm>;

export class MeetingNotes {
	/** The newest ideas, for an action's "about this idea". */
	readonly ideas: Live<{ id: string; title: string }[]>;
	/** The choices of an action's "Linked idea". */
	readonly ideaOptions = $derived.by(() => [
		{ value: '', label: m.mtgp_not_about_idea() },
		...this.ideas.value.map((idea) => ({ value: idea.id, label: idea.title }))
	]);
	/** Parts changed on two devices while apart, to compare and choose. */
	readonly conflicted: Live<string[], string>;
	// Made the first time the page asks (while it draws): plain records, since rune state may not change then.
	private readonly items: Record<string, ItemForms> = {};
	private readonly attendances: Record<string, AttendanceForm> = {};

	constructor(
		private readonly workspace: Workspace,
		private readonly session: SessionInfo,
		id: () => string
	) {
		this.ideas = new Live(
			() => undefined,
			() => recentIdeaTitles(workspace.desk, 200),
			[]
		);
		this.conflicted = new Live(id, (meetingId) => conflictedParts(workspace.desk, meetingId), []);
	}

	/** Who is here: the attendance form of `meeting`. */
	attendance(meeting: MeetingRow): AttendanceForm {
		return (this.attendances[meeting.id] ??= attendanceForm(this.workspace, this.session, meeting));
	}

	/** This person's notes, and the decisions and actions they record, on one agenda item. */
	item(meeting: MeetingRow, itemId: string): ItemForms {
		const me = this.session.name;
		return (this.items[`${meeting.id} ${itemId}`] ??= {
			note: noteForm(this.workspace, me, meeting, itemId),
			decision: decisionForm(this.workspace, me, meeting, itemId),
			action: actionForm(this.workspace, me, meeting, itemId)
		});
	}
}
