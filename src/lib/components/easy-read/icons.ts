/**
 * The pictures beside easy-read lines: simple line drawings on a 24 × 24 grid, always with words beside
 * them (never instead of words), so they are hidden from screen readers.
 */
export const EASY_ICONS = {
	hello:
		'M7 11V5a1.5 1.5 0 0 1 3 0v5M10 10V3.5a1.5 1.5 0 0 1 3 0V10M13 10V4.5a1.5 1.5 0 0 1 3 0V11M16 11V7.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7h-1a7 7 0 0 1-5.6-2.8L3 15a1.5 1.5 0 0 1 2.3-2L7 15',
	idea: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3Z',
	support:
		'M7 10v11H3V10h4ZM7 10l4-7a2.5 2.5 0 0 1 3 3l-1 4h6a2 2 0 0 1 2 2.4l-1.6 6.8A2.5 2.5 0 0 1 17 21H7',
	people:
		'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1M16 3.5a4 4 0 0 1 0 7.5M19 14a5 5 0 0 1 3 5v2',
	phone: 'M7 2h10a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1ZM11 18h2',
	pen: 'M4 20h4L19 9l-4-4L4 16v4ZM13.5 6.5l4 4',
	search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14ZM16 16l5 5',
	talk: 'M4 4h16v12H9l-5 4V4ZM8 9h8M8 12h5',
	done: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM7 12l3.5 3.5L17 9',
	calendar: 'M4 5h16v16H4V5ZM4 10h16M8 3v4M16 3v4',
	list: 'M9 6h11M9 12h11M9 18h11M4 6h1M4 12h1M4 18h1',
	add: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM12 7v10M7 12h10',
	key: 'M8 15a4 4 0 1 1 0-8 4 4 0 0 1 0 8ZM12 11h9M18 11v3M21 11v3',
	person: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4 21v-1a7 7 0 0 1 7-7h2a7 7 0 0 1 7 7v1',
	lock: 'M6 11h12v10H6V11ZM8 11V7a4 4 0 0 1 8 0v4M12 15v2',
	question:
		'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7v1M12 17.5v.5',
	noSignal: 'M2 9a15 15 0 0 1 20 0M5.5 12.5a10 10 0 0 1 13 0M9 16a5 5 0 0 1 6 0M12 19.5v.5M3 3l18 18'
} as const;

export type EasyIcon = keyof typeof EASY_ICONS;

/** One line of easy read: a picture and a short sentence. */
export interface EasyLine {
	icon: EasyIcon;
	readonly text: string;
}
