import {
	claimLineSchema,
	claimSchema,
	fieldErrors,
	invalid,
	mileagePence,
	parsePounds,
	parseTenthsOfMiles,
	success,
	type ClaimLine,
	type ContentOf,
	type ExpenseKind,
	type Result
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';

/**
 * A claim as typed: what it is for, the date, and its lines, each with the miles or the amount as text.
 * The check turns the text into whole pence (mileage at the network's rate) and says what is wrong at the
 * field it is wrong in: a line's fields are `line-<n>-<field>`.
 */

export interface ClaimLineValues {
	kind: ExpenseKind | '';
	description: string;
	/** Mileage: miles as typed ("12.5"). */
	miles: string;
	/** Anything else: pounds as typed ("4.20"). */
	amount: string;
}

export interface ClaimFormValues {
	/** The id the claim will be sent under (its receipts name it), chosen when the draft starts. */
	claimId: string;
	/** A meeting, visit, event or opportunity on this device, or '' for something described in words. */
	forId: string;
	forLabel: string;
	on: string;
	note: string;
	lines: ClaimLineValues[];
}

export type ClaimContent = ContentOf<'claim'>;

export const EMPTY_LINE: ClaimLineValues = { kind: '', description: '', miles: '', amount: '' };

export const EMPTY_CLAIM: ClaimFormValues = {
	claimId: '',
	forId: '',
	forLabel: '',
	on: '',
	note: '',
	lines: [EMPTY_LINE]
};

/** The field id of a line's field, for its input and the error summary's link. */
export function lineFieldId(index: number, field: keyof ClaimLineValues): string {
	return `line-${index}-${field}`;
}

/** 125 tenths of a mile → "12.5". */
export function formatMiles(tenths: number): string {
	return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** A line's amount in pence as typed so far (mileage at `rate`), or undefined while it is not a number. */
export function linePence(line: ClaimLineValues, rate: number): number | undefined {
	if (line.kind !== 'mileage') return parsePounds(line.amount);
	const tenths = parseTenthsOfMiles(line.miles);
	return tenths === undefined ? undefined : mileagePence(tenths, rate);
}

/** One line checked: the line, or its field messages. */
function checkLine(line: ClaimLineValues, index: number, rate: number): Result<ClaimLine> {
	const mileage = line.kind === 'mileage';
	const typed = mileage ? line.miles : line.amount;
	const tenths = mileage ? parseTenthsOfMiles(line.miles) : undefined;
	const pence = linePence(line, rate);
	const parsed = claimLineSchema.safeParse({
		kind: line.kind || undefined,
		description: line.description,
		tenthsOfMiles: tenths ?? null,
		pencePerMile: mileage ? rate : null,
		amountPence: pence ?? 0
	});
	const errors: Record<string, string> = {};
	const amountField = lineFieldId(index, mileage ? 'miles' : 'amount');
	if (line.kind && pence === undefined) {
		errors[amountField] =
			typed.trim() === ''
				? mileage
					? m.inv_error_miles_missing()
					: m.inv_error_amount_missing()
				: mileage
					? m.inv_error_miles_format()
					: m.inv_error_amount_format();
	}
	if (!parsed.success) {
		for (const [field, message] of Object.entries(fieldErrors(parsed.error.issues))) {
			const id = field === 'kind' || field === 'description' ? lineFieldId(index, field) : amountField;
			errors[id] ??= message;
		}
	}
	return parsed.success && Object.keys(errors).length === 0 ? success(parsed.data) : invalid(errors);
}

/** The claim as typed, checked: its content (for `member`, mileage at `rate`), or every field's message. */
export function checkClaim(values: ClaimFormValues, member: string, rate: number): Result<ClaimContent> {
	const lines = values.lines.map((line, index) => checkLine(line, index, rate));
	const parsed = claimSchema.safeParse({
		_id: values.claimId,
		type: 'claim',
		schemaVersion: 1,
		author: member,
		createdAt: new Date().toISOString(),
		updatedAt: new Date().toISOString(),
		member,
		forId: values.forId || null,
		forLabel: values.forLabel,
		on: values.on,
		note: values.note,
		lines: lines.flatMap((line) => (line.ok ? [line.value] : []))
	});
	const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error.issues);
	if (values.lines.length === 0) errors.lines = m.inv_error_no_lines();
	else delete errors.lines;
	for (const line of lines) if (!line.ok) Object.assign(errors, line.fields);
	if (Object.keys(errors).length > 0 || !parsed.success) return invalid(errors);
	const { member: own, forId, forLabel, on, note } = parsed.data;
	return success({ member: own, forId, forLabel, on, note, lines: parsed.data.lines });
}
