/**
 * What a new password must be (NIST SP 800-63B: length and a block list, no composition rules).
 * The upper bound keeps hashing cheap for whoever sends a megabyte as a password.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const common = new Set([
	'1234567890',
	'0123456789',
	'12345678910',
	'password123',
	'password1234',
	'qwertyuiop',
	'1qaz2wsx3edc',
	'a123456789',
	'admin12345',
	'admin123456',
	'iloveyou12',
	'woaini1314',
	'5201314520',
	'abcd123456'
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_username';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
	const length = Array.from(password).length;
	if (length < PASSWORD_MIN) return 'too_short';
	if (length > PASSWORD_MAX) return 'too_long';
	const lower = password.toLowerCase();
	if (common.has(lower) || new Set(lower).size <= 2) return 'too_common';
	if (lower.includes(username.toLowerCase())) return 'contains_username';
	return null;
}
