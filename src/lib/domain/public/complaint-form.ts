import { z } from 'zod';
import { complaintFiled } from '../events/public';

/** The shortest complaint the bureau can act on (a word or two says nothing it can check). */
export const MIN_COMPLAINT_CHARS = 10;
export const MAX_COMPLAINT_CHARS = 2_000;

/** The public complaint form as posted (its photos are read apart, like the ledger forms'). */
export const complaintForm = z.object({
	category: complaintFiled.shape.category,
	text: z.string().trim().min(MIN_COMPLAINT_CHARS).max(MAX_COMPLAINT_CHARS),
	happenedOn: z
		.union([z.literal(''), z.iso.date()])
		.optional()
		.transform((v) => v || undefined),
	contactName: z.string().trim().max(50).optional(),
	contactPhone: z
		.union([
			z.literal(''),
			z
				.string()
				.trim()
				.regex(/^[+\d][\d\s-]{5,28}$/)
		])
		.optional()
		.transform((v) => v || undefined)
});
export type ComplaintForm = z.infer<typeof complaintForm>;

export type SpamReason = 'links' | 'repeated' | 'too_short';

/**
 * A cheap first filter, not a judge: complaints with links (the usual payload of spam), text
 * that is mostly one character or phrase repeated, or too few distinct characters to say
 * anything. A person whose complaint is refused is told why and can rewrite it.
 */
export function spamReason(text: string): SpamReason | null {
	const t = text.trim();
	if (/https?:\/\/|www\.|\b[a-z0-9-]+\.(com|cn|net|top|xyz|cc)\b/i.test(t)) return 'links';
	const chars = [...t.replace(/\s+/g, '')];
	if (chars.length < MIN_COMPLAINT_CHARS) return 'too_short';
	if (new Set(chars).size < 4) return 'repeated';
	// A short unit repeated over and over ("好好好好…", "abcabcabc…").
	if (/^(.{1,8}?)\1{4,}$/su.test(chars.join(''))) return 'repeated';
	// One character making up most of the text.
	const counts = new Map<string, number>();
	for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
	if (Math.max(...counts.values()) / chars.length > 0.6) return 'repeated';
	return null;
}

/** A day the complainant may name: not after today (the district's), not absurdly old. */
export function plausibleHappenedOn(day: string, today: string): boolean {
	return day <= today && day >= '2000-01-01';
}
