import { hiddenCounts, SMALL_COUNT, type EqualityAnswers, type EqualityKey } from './equality';
import { periodColumn, type Series, share } from './measure-series';
import { periodLabel, spanOf, type SpanOptions } from './period';

/**
 * Seldom-heard reach: of the people who joined, how many gave any of the equality answers the coordinator
 * counts as a seldom-heard group. Computed only on a coordinator's device from the sealed answers once the
 * key is unlocked, and shown only as counts with small numbers hidden by the equality page's rule.
 */

/** Someone who joined, with their equality answers (decrypted on a coordinator's device, never stored). */
export interface JoinedAnswers {
	joinedAt: string;
	answers: EqualityAnswers;
}

/** An equality answer the coordinator counts as from a seldom-heard group, e.g. disability: yes-a-lot. */
export interface ChosenAnswer {
	key: EqualityKey;
	value: string;
}

export interface ReachRow {
	period: string;
	label: string;
	joined: number;
	/** Null: hidden, because it is small or would let a small count be worked out. */
	seldomHeard: number | null;
	share: number | null;
}

export interface Reach extends Series<ReachRow> {
	total: Omit<ReachRow, 'period' | 'label'>;
}

/**
 * Of the people who joined in each period, how many gave any of the `chosen` answers. Small numbers are
 * hidden by the equality page's rule (`hiddenCounts`), applied twice: within each period to the two counts
 * "seldom heard" and "the others" beside the number who joined (so neither can be worked out from the
 * other), and across the periods beside the total (so one hidden period cannot be worked out from it).
 */
export function seldomHeardReach(
	people: readonly JoinedAnswers[],
	chosen: readonly ChosenAnswer[],
	options: SpanOptions,
	minimum: number = SMALL_COUNT
): Reach {
	const span = spanOf(
		people.map((person) => person.joinedAt),
		options
	);
	const counts = span.periods.map((period) => ({ period, joined: 0, seldom: 0 }));
	const wanted = new Set(chosen.map((answer) => `${answer.key}=${answer.value}`));
	const isSeldomHeard = (answers: EqualityAnswers) =>
		Object.entries(answers).some(([key, value]) => wanted.has(`${key}=${value}`));
	for (const person of people) {
		const count = counts[span.indexOf(person.joinedAt)];
		if (!count) continue;
		count.joined += 1;
		if (isSeldomHeard(person.answers)) count.seldom += 1;
	}
	const pairHidden = (joined: number, seldom: number) =>
		hiddenCounts(
			[
				{ value: 'seldom', n: seldom },
				{ value: 'others', n: joined - seldom }
			],
			minimum
		).has('seldom');
	const allJoined = counts.reduce((sum, count) => sum + count.joined, 0);
	const allSeldom = counts.reduce((sum, count) => sum + count.seldom, 0);
	const totalHidden = pairHidden(allJoined, allSeldom);
	const pairs = new Set(
		counts.filter((count) => pairHidden(count.joined, count.seldom)).map((c) => c.period)
	);
	// Across the periods beside the total: a period hidden within itself counts as a small count (it is
	// never zero: "seldom heard" is only hidden when it is not zero), every other period as its count.
	const hidden = totalHidden
		? pairs
		: hiddenCounts(
				counts.map((count) => ({ value: count.period, n: pairs.has(count.period) ? 1 : count.seldom })),
				minimum
			);
	const rows = counts.map(({ period, joined, seldom }): ReachRow => {
		const shown = hidden.has(period) ? null : seldom;
		return {
			period,
			label: periodLabel(period),
			joined,
			seldomHeard: shown,
			share: shown === null ? null : share(shown, joined)
		};
	});
	const totalShown = totalHidden ? null : allSeldom;
	return {
		title: 'Joined from seldom-heard groups',
		columns: [
			periodColumn(span.granularity),
			{ key: 'joined', label: 'Joined' },
			{ key: 'seldomHeard', label: 'From seldom-heard groups' },
			{ key: 'share', label: 'Share' }
		],
		rows,
		total: {
			joined: allJoined,
			seldomHeard: totalShown,
			share: totalShown === null ? null : share(totalShown, allJoined)
		}
	};
}
