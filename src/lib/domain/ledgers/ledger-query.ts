import { z } from 'zod';
import { districtId } from '../ids';

/** At most a quarter of days per view: a calendar of three months, a trend of ninety days. */
export const MAX_LEDGER_DAYS = 92;

/** A window of days on the districts' clock, both ends included. */
export const dayWindow = z
	.object({
		from: z.iso.date(),
		to: z.iso.date(),
		district: districtId.optional()
	})
	.refine((w) => w.from <= w.to, { message: 'from is after to', path: ['from'] })
	.refine((w) => (Date.parse(w.to) - Date.parse(w.from)) / 86_400_000 < MAX_LEDGER_DAYS, {
		message: `at most ${MAX_LEDGER_DAYS} days`,
		path: ['to']
	});
export type DayWindow = z.infer<typeof dayWindow>;
