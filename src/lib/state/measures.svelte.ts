import { nowIso, today } from '$lib/format';
import type { Series } from '$lib/domain/measure-series';
import {
	funnelByEvent,
	funnelByKind,
	growthSeries,
	type EventRow,
	type FunnelRow,
	type Growth
} from '$lib/domain/network-measures';
import { bigITable, type BigIRow } from '$lib/domain/big-i-table';
import { pChart, type PChart, type PChartInput } from '$lib/domain/p-chart';
import { periodOf, type Granularity } from '$lib/domain/period';
import { bigIByMonth, coproducedFromStartSeries, type FromStartRow } from '$lib/domain/project-measures';
import {
	seldomHeardReach,
	type ChosenAnswer,
	type JoinedAnswers,
	type Reach
} from '$lib/domain/seldom-heard';
import { EQUALITY_KEYS, type EqualityKey, type SessionInfo } from '$lib/domain';
import { timeGivenSeries, type TimeGivenSeries } from '$lib/domain/time-given-measures';
import { ideaSeries, meetingSeries, type IdeasSeries, type MeetingsRow } from '$lib/domain/work-measures';
import {
	keepChosenAnswers,
	keepPeopleCopy,
	loadChosenAnswers,
	loadEventRows,
	loadIdeaRows,
	loadJoinedSignups,
	loadPeopleCopy,
	loadProjectRows,
	loadTimeGivenInput,
	type PeopleCopy
} from '$lib/store/measures-query';
import { loadMeetingsInput } from '$lib/store/meeting-query';
import type { InboxRow } from '$lib/store/recruitment';
import type { Workspace } from '$lib/store/workspace';
import { MeasuresApi } from '$lib/sync/measures-api';
import { periodName } from '$lib/components/measures/period-text';
import { m } from '$lib/paraglide/messages';
import { reportProblem } from '$lib/report';
import { Attempt } from './attempt.svelte';
import { Live } from './live.svelte';
import { openAll, refreshSignupCounts, vault } from './signups.svelte';

/**
 * The network's measures, computed on this device from the desk, by month or by quarter. The projects'
 * measures are read first and every other query waits for them, so the page's first charts show as soon
 * as they can; the rest follow. Who sees what: everyone the network-level measures (projects, meetings,
 * ideas: counts that name nobody); chairs and coordinators also growth and sign-ups, from the server's
 * counts (`/api/measures/people`, kept on the device); coordinators also seldom-heard reach, from the
 * sealed equality answers that only their key opens, and time given, which only their device holds whole.
 */

export class MeasuresPage {
	by = $state<Granularity>('month');
	readonly coordinator: boolean;
	/** A chair or a coordinator: sees growth and sign-ups. */
	readonly seesGrowth: boolean;
	readonly projects: Live<Awaited<ReturnType<typeof loadProjectRows>> | undefined>;
	readonly meetings: Live<Awaited<ReturnType<typeof loadMeetingsInput>> | undefined, boolean>;
	readonly ideas: Live<Awaited<ReturnType<typeof loadIdeaRows>> | undefined, boolean>;
	readonly people: Live<Awaited<ReturnType<typeof loadPeopleCopy>> | undefined, boolean>;
	readonly events: Live<Awaited<ReturnType<typeof loadEventRows>> | undefined, boolean>;
	readonly joined: Live<InboxRow[], boolean>;
	readonly chosen: Live<Awaited<ReturnType<typeof loadChosenAnswers>>, boolean>;
	readonly involvement: Live<Awaited<ReturnType<typeof loadTimeGivenInput>> | undefined, boolean>;
	readonly fromStart: Series<FromStartRow> | undefined;
	readonly bigIInput: PChartInput[] | undefined;
	readonly bigIChart: PChart | undefined;
	readonly bigI: Series<BigIRow> | undefined;
	readonly meetingSeries: Series<MeetingsRow> | undefined;
	readonly ideaSeries: IdeasSeries | undefined;
	readonly growth: Growth | undefined;
	readonly byKind: Series<FunnelRow> | undefined;
	readonly byEvent: Series<FunnelRow & { date: string | null }> | undefined;
	readonly reach: Reach;
	readonly timeGiven: TimeGivenSeries | undefined;
	/** The periods the page covers, for its printed heading: "March 2025 to December 2026". */
	readonly coverage: string;
	/** The joined sign-ups' equality answers, opened in memory with the unlocked key (never stored). */
	opened = $state.raw<JoinedAnswers[]>([]);
	/** Why the counts of members and sign-ups could not be brought up to date (the last copy is used). */
	peopleProblem = $state<string>();
	readonly today = today();

	constructor(
		private readonly workspace: Workspace,
		session: SessionInfo,
		private readonly api = new MeasuresApi()
	) {
		const { desk } = workspace;
		this.coordinator = session.roles.includes('coordinator');
		this.seesGrowth = this.coordinator || session.roles.includes('chair');
		this.projects = new Live(
			() => undefined,
			() => loadProjectRows(desk),
			undefined
		);
		// Everything else waits until the first charts' figures are read.
		const after = () => this.projects.loaded;
		const waiting = (ready: boolean) => !ready;
		const ofGrowth = () => this.seesGrowth && this.projects.loaded;
		const ofCoordinator = () => this.coordinator && this.projects.loaded;
		this.meetings = new Live(after, () => loadMeetingsInput(desk, this.today), undefined, waiting);
		this.ideas = new Live(after, () => loadIdeaRows(desk), undefined, waiting);
		this.people = new Live(ofGrowth, () => loadPeopleCopy(desk), undefined, waiting);
		this.events = new Live(ofGrowth, () => loadEventRows(desk), undefined, waiting);
		this.joined = new Live(ofCoordinator, () => loadJoinedSignups(desk), [], waiting);
		this.chosen = new Live(ofCoordinator, () => loadChosenAnswers(desk), [], waiting);
		this.involvement = new Live(ofCoordinator, () => loadTimeGivenInput(desk), undefined, waiting);
		const span = () => ({ by: this.by, to: this.today });
		const projects = () => this.projects.value;
		this.fromStart = $derived(projects() && coproducedFromStartSeries(projects() ?? [], span()));
		this.bigIInput = $derived(projects() && bigIByMonth(projects() ?? [], { to: this.today }));
		this.bigIChart = $derived(this.bigIInput && pChart(this.bigIInput));
		this.bigI = $derived(this.bigIInput && this.bigIChart && bigITable(this.bigIInput, this.bigIChart));
		this.meetingSeries = $derived(this.meetings.value && meetingSeries(this.meetings.value, span()));
		this.ideaSeries = $derived(
			this.ideas.value && ideaSeries(this.ideas.value.ideas, this.ideas.value.statuses, span())
		);
		/** A measure of the server's counts and the events, once both are read. */
		const counted = <T>(measure: (copy: PeopleCopy, events: EventRow[]) => T): T | undefined => {
			const [copy, known] = [this.people.value, this.events.value];
			return copy && known ? measure(copy, known) : undefined;
		};
		this.growth = $derived(counted((copy, known) => growthSeries(copy.members, known, span())));
		this.byKind = $derived(counted((copy, known) => funnelByKind(copy.signups, known)));
		this.byEvent = $derived(counted((copy, known) => funnelByEvent(copy.signups, known)));
		this.reach = $derived(seldomHeardReach(this.opened, this.chosen.value, span()));
		this.timeGiven = $derived(this.involvement.value && timeGivenSeries(this.involvement.value, span()));
		this.coverage = $derived.by(() => {
			const shown = [this.fromStart, this.meetingSeries, this.ideaSeries, this.growth, this.timeGiven];
			const firsts = shown.flatMap((series) => series?.rows[0]?.period ?? []);
			const first = firsts.sort()[0];
			const last = periodOf(this.today, this.by);
			return first ? m.msr_coverage({ from: periodName(first), to: periodName(last) }) : periodName(last);
		});
		$effect(() => {
			const rows = this.joined.value;
			if (vault.keys.length === 0) {
				this.opened = [];
				return;
			}
			void this.open(rows);
		});
	}

	/** Opens the joined sign-ups with the unlocked key, keeping only when each joined and their answers. */
	private async open(rows: readonly InboxRow[]): Promise<void> {
		const opened = await openAll(rows);
		this.opened = rows.flatMap((row) => {
			const entry = opened[row.id];
			if (entry === undefined || typeof entry === 'string') return [];
			return [{ joinedAt: row.statusAt ?? row.receivedAt, answers: entry.equality }];
		});
	}

	/**
	 * A chair's or coordinator's device brings its copy of the counts of members and sign-ups up to date
	 * when it can (and a coordinator's its sealed inbox, for seldom-heard reach); offline (or on failure)
	 * the measures use the last copy and say when it was taken.
	 */
	async refresh(): Promise<void> {
		if (!this.seesGrowth) return;
		const [answer] = await Promise.all([
			this.api.people(),
			this.coordinator ? refreshSignupCounts(this.workspace) : undefined
		]);
		this.peopleProblem = answer.ok ? undefined : answer.message;
		if (!answer.ok) return;
		await keepPeopleCopy(this.workspace.desk, answer.value, nowIso()).catch((error: unknown) =>
			reportProblem('the counts of members and sign-ups could not be kept on this device', error)
		);
	}

	get span() {
		return { by: this.by, to: this.today };
	}
}

/** An equality answer as one checkbox's value: "disability=yes-a-lot". */
export function answerValue(answer: ChosenAnswer): string {
	return `${answer.key}=${answer.value}`;
}

function answerOf(value: string): ChosenAnswer | undefined {
	const [key, ...rest] = value.split('=');
	const found = EQUALITY_KEYS.find((candidate): candidate is EqualityKey => candidate === key);
	return found && rest.length > 0 ? { key: found, value: rest.join('=') } : undefined;
}

/** "Which answers count as seldom heard?": the coordinator's choice, remembered on this device. */
export class SeldomHeardChoice {
	selected = $state<string[]>([]);
	/** Said after saving, until the choice changes again. */
	saved = $state(false);
	readonly attempt = new Attempt(m.msr_what_choice());

	constructor(
		private readonly workspace: Workspace,
		chosen: Live<ChosenAnswer[], boolean>
	) {
		$effect(() => {
			if (chosen.loaded) this.selected = chosen.value.map(answerValue);
		});
	}

	toggle(value: string, checked: boolean): void {
		this.saved = false;
		this.selected = checked
			? [...this.selected, value]
			: this.selected.filter((selected) => selected !== value);
	}

	async save(): Promise<void> {
		const chosen = this.selected.flatMap((value) => answerOf(value) ?? []);
		this.saved = await this.attempt.run(() => keepChosenAnswers(this.workspace.desk, chosen));
	}
}
