import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { whyNotSaved } from './save-errors';

const OUT_OF_SPACE = /this device has run out of storage space\. Free up some space/;

describe('whyNotSaved', () => {
	it('says plainly that the device is full, however the storage layers report it', () => {
		const browser = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		expect(whyNotSaved(browser)).toMatch(OUT_OF_SPACE);
		expect(whyNotSaved(new Dexie.AbortError('Transaction aborted', browser))).toMatch(OUT_OF_SPACE);
		const pouch = Object.assign(new Error('unknown'), {
			status: 500,
			name: 'indexed_db_went_bad',
			reason: 'QuotaExceededError'
		});
		expect(whyNotSaved(pouch)).toMatch(OUT_OF_SPACE);
	});

	it("names what PouchDB's storage reported instead of its bare “unknown”", () => {
		const pouch = Object.assign(new Error('unknown'), {
			name: 'indexed_db_went_bad',
			reason: 'UnknownError'
		});
		expect(whyNotSaved(pouch)).toBe("the browser's storage refused it (UnknownError)");
	});

	it('passes any other message on', () => {
		expect(whyNotSaved(new Error('this idea is no longer on this device'))).toBe(
			'this idea is no longer on this device'
		);
		expect(whyNotSaved('gone')).toBe('gone');
	});
});
