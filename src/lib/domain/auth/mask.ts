/**
 * A person's name as public pages may show it: the first and last character, the rest starred
 * (张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明). One character stays as it is.
 */
export function maskName(name: string): string {
	const chars = Array.from(name.trim());
	if (chars.length <= 1) return chars.join('');
	if (chars.length === 2) return `${chars[0]}*`;
	return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
