/** mulberry32: a small, fast, seeded PRNG, so a random run can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Helpers over one seeded source of randomness. */
export class Random {
	readonly next: () => number;

	constructor(readonly seed: number) {
		this.next = mulberry32(seed);
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('Nothing to pick from');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	words(count: number, vocabulary: readonly string[] = VOCABULARY): string {
		return Array.from({ length: count }, () => this.pick(vocabulary)).join(' ');
	}
}

/** The seed from an environment variable, or a fresh random one. */
export function seedFrom(value: string | undefined): number {
	const parsed = value ? Number.parseInt(value, 10) : Number.NaN;
	return Number.isFinite(parsed) ? parsed >>> 0 : Math.floor(Math.random() * 2 ** 32);
}

/** Everyday words for generated titles, details and comments (searchable, none shorter than 4 letters). */
export const VOCABULARY = [
	'ambulance',
	'arrival',
	'bandage',
	'blanket',
	'callers',
	'carers',
	'clinic',
	'corridor',
	'crew',
	'defibrillator',
	'discharge',
	'driver',
	'emergency',
	'feedback',
	'handover',
	'hospital',
	'journey',
	'kindness',
	'leaflet',
	'library',
	'market',
	'midwife',
	'morning',
	'neighbour',
	'oxygen',
	'paramedic',
	'parking',
	'pharmacy',
	'pickup',
	'queue',
	'ramp',
	'reception',
	'referral',
	'rural',
	'signage',
	'station',
	'stretcher',
	'surgery',
	'texting',
	'transport',
	'triage',
	'village',
	'volunteer',
	'waiting',
	'wheelchair',
	'winter'
] as const;
