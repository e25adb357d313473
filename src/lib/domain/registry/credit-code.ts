/** GB 32100-2015 统一社会信用代码: 18 characters, the last a mod-31 check character. */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character the first 17 characters call for (the code must have the right shape). */
export function creditCodeCheck(code: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += alphabet.indexOf(code[i] as string) * (weights[i] as number);
	return alphabet[(31 - (sum % 31)) % 31] as string;
}

/** Whether a code (upper case) has the shape and its check character: a typo rarely does. */
export function isValidCreditCode(code: string): boolean {
	return CREDIT_CODE_SHAPE.test(code) && code[17] === creditCodeCheck(code);
}
