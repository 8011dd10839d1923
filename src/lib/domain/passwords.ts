/**
 * Password rules after the NCSC's guidance: length over complexity, no composition rules, a deny-list of
 * the passwords attackers try first, and no upper limit a passphrase would hit.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

// The most common passwords in public breach lists, plus words this service's own users would reach for.
const COMMON = `123456 123456789 12345678 password qwerty123 qwerty1 111111 12345 secret 123123 1234567890
1234567 000000 qwerty abc123 password1 iloveyou 11111111 dragon monkey 123321 654321 qwertyuiop 123qwe
666666 7777777 1q2w3e4r 987654321 superman 1qaz2wsx sunshine princess football baseball welcome welcome1
letmein letmein1 trustno1 shadow master michael jennifer jordan23 hunter2 passw0rd password123 password12
admin admin123 administrator login abcdef abcd1234 zaq12wsx asdfghjkl asdfgh 1q2w3e4r5t 1qazxsw2 q1w2e3r4
starwars whatever freedom liverpool arsenal chelsea manchester charlie thomas daniel london london1
changeme changeme1 default guest test1234 testing 88888888 00000000 12341234 11223344 99999999 147258369
nhs nhs12345 nhsnhsnhs ambulance ambulance1 hospital patient patients coproduce coproduce1 critical
criticalfriend criticalfriends friends volunteer volunteer1 member member1 chair coordinator recruiter
pride2024 pride2025 pride2026 summer2026 winter2026 autumn2026 spring2026 football1 iloveyou1 password!
qwerty12 qwerty123456 lovely flower hello123 hello1 access access1 mustang matrix computer internet`
	.split(/\s+/)
	.filter(Boolean);
const DENY = new Set(COMMON);

/** The three words the app gives as an example: people copy examples, so it is refused as a password. */
export const PASSWORD_EXAMPLE = 'kettle violin harbour';
const EXAMPLE_LETTERS = PASSWORD_EXAMPLE.replace(/[^a-z]/g, '');

/** Why a password would be refused, or undefined if it is acceptable. */
export function passwordProblem(password: string, name?: string): string | undefined {
	if (password.length < PASSWORD_MIN) return `Password must be ${PASSWORD_MIN} characters or more`;
	if (password.length > PASSWORD_MAX) return `Password must be ${PASSWORD_MAX} characters or fewer`;
	const folded = password.toLowerCase();
	if (folded.replace(/[^a-z]/g, '') === EXAMPLE_LETTERS)
		return 'This is the example password everyone can see. Choose three random words of your own';
	if (DENY.has(folded) || /^(.)\1+$/.test(folded)) {
		return `This password is too easy to guess. Try three random words, like "${PASSWORD_EXAMPLE}"`;
	}
	if (name && folded.includes(name.toLowerCase())) return 'Password must not contain your user name';
	return undefined;
}
