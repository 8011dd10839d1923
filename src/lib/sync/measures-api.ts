import { peopleCountsSchema, type PeopleCounts } from '$lib/domain/people-counts';
import type { Result } from '$lib/domain';
import { call } from './http';

const OFFLINE = 'You need a connection to bring these figures up to date.';

/** The counts behind growth and the sign-up funnel (`/api/measures/people`), for chairs and coordinators. */
export class MeasuresApi {
	people(): Promise<Result<PeopleCounts>> {
		return call('/api/measures/people', { method: 'GET' }, (body) => peopleCountsSchema.parse(body), OFFLINE);
	}
}
