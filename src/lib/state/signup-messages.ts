import type { z } from 'zod';
import { fieldErrors, type SignupProblem } from '$lib/domain';
import { m } from '$lib/paraglide/messages';

/**
 * The sign-up form's field messages in the language the person chose: each zod issue of
 * `signupDetailsSchema` is told by its field and code (and a custom problem by `params.problem`), never by
 * its English text.
 */

type Issue = z.core.$ZodIssue;

const FIELD_NAMES: Partial<Record<string, () => string>> = {
	name: m.signup_field_name,
	email: m.signup_field_email,
	phone: m.signup_field_phone,
	area: m.signup_field_area,
	interests: m.signup_field_interests,
	accessNeeds: m.signup_field_access_needs
};

const PROBLEMS: Record<SignupProblem, () => string> = {
	'email-format': m.signup_error_email_format,
	'phone-format': m.signup_error_phone_format,
	'contact-missing': m.signup_error_contact_missing,
	'email-for-preferred': m.signup_error_email_for_preferred,
	'phone-for-preferred': m.signup_error_phone_for_preferred
};

function isProblem(value: unknown): value is SignupProblem {
	return typeof value === 'string' && value in PROBLEMS;
}

/** One issue's message; an issue this form does not expect gets a plain "Check this answer". */
export function signupIssueMessage(issue: Issue): string {
	const field = String(issue.path[0] ?? '');
	const problem = issue.code === 'custom' ? issue.params?.problem : undefined;
	if (isProblem(problem)) return PROBLEMS[problem]();
	const fieldName = FIELD_NAMES[field];
	if (issue.code === 'too_big' && fieldName) {
		return m.signup_error_too_long({ field: fieldName(), max: Number(issue.maximum) });
	}
	if (field === 'name' && issue.code === 'too_small') return m.signup_error_name_missing();
	if (field === 'preferredContact') return m.signup_error_preferred_missing();
	if (field === 'consentContact') return m.signup_error_consent_contact();
	if (field === 'consentStore') return m.signup_error_consent_store();
	return m.signup_error_problem();
}

/** The first message of each field, in the chosen language. */
export function signupFieldErrors(issues: readonly Issue[]): Record<string, string> {
	return fieldErrors(issues.map((issue) => ({ path: issue.path, message: signupIssueMessage(issue) })));
}
