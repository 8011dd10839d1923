import { describe, expect, it } from 'vitest';
import { csvCell, medianOf, share, toCsv } from './measure-series';

describe('CSV', () => {
	it('writes a header row and the rows, CRLF, in column order', () => {
		const csv = toCsv({
			title: 'Test',
			columns: [
				{ key: 'label', label: 'Month' },
				{ key: 'count', label: 'Joined' },
				{ key: 'rate', label: 'Share' }
			],
			rows: [
				{ label: 'March 2026', count: 3, rate: 1 / 3 },
				{ label: 'April 2026', count: 0, rate: null }
			]
		});
		expect(csv).toBe('Month,Joined,Share\r\nMarch 2026,3,0.3333\r\nApril 2026,0,\r\n');
	});

	it('quotes as RFC 4180 says', () => {
		expect(csvCell('Pride, Leeds')).toBe('"Pride, Leeds"');
		expect(csvCell('The "big" day')).toBe('"The ""big"" day"');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('plain')).toBe('plain');
	});

	it('never lets text start a formula', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('+44 7700')).toBe("'+44 7700");
		expect(csvCell('-1')).toBe("'-1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		// Numbers are numbers: a count is never text to a spreadsheet.
		expect(csvCell(12)).toBe('12');
		expect(csvCell(0.125)).toBe('0.125');
	});

	it('shares and medians', () => {
		expect(share(1, 4)).toBe(0.25);
		expect(share(0, 0)).toBeNull();
		expect(medianOf([])).toBeNull();
		expect(medianOf([5])).toBe(5);
		expect(medianOf([9, 1, 5])).toBe(5);
		expect(medianOf([10, 2, 4, 8])).toBe(6);
	});
});
