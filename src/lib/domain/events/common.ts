import { z } from 'zod';

/** A calendar date, YYYY-MM-DD (licence validity, shelf life). */
export const isoDate = z.iso.date();
/** An instant with its offset, e.g. 2026-11-28T08:30:00.000+08:00 or …Z. */
export const isoInstant = z.iso.datetime({ offset: true });
/** Short free text typed by people: bounded so one event cannot flood the store. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
/** Money in fen (1/100 yuan), integers only: no float rounding in sums. */
export const fen = z.number().int().nonnegative();
