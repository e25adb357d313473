import { DEFAULT_TIME_ZONE, instantOfLocal, localDay } from '../time';

type Level = '1' | '2' | '3';

/**
 * The time limits of a recall by its level, as 《食品召回管理办法》(2015) sets them: a 一级
 * recall starts within 24 hours and is done within 10 working days, 二级 48 hours and 20, 三级 72
 * hours and 30. Here "started" is a shop reading its notice (the till refuses the lots from
 * the opening on) and "done" is every shop accounting for its units.
 */
export const RECALL_TERMS: Record<Level, { startHours: number; workingDays: number }> = {
	'1': { startHours: 24, workingDays: 10 },
	'2': { startHours: 48, workingDays: 20 },
	'3': { startHours: 72, workingDays: 30 }
};

const DAY_MS = 86_400_000;

const nextDay = (day: string) =>
	new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const isWeekday = (day: string) => {
	const d = new Date(`${day}T00:00:00Z`).getUTCDay();
	return d !== 0 && d !== 6;
};

export interface RecallDeadlines {
	/** By when every shop should have read its notice. */
	acknowledgeBy: string;
	/** The last working day the recall may take (the district's calendar day)… */
	lastDay: string;
	/** …and the instant it ends. */
	completeBy: string;
	workingDays: number;
}

/**
 * A recall's deadlines from its opening: the working days are counted from the day after the
 * opening on the district's calendar, Monday to Friday (public holidays and the weekends
 * worked in their place are not known here: a deadline near them reads a day or two off).
 */
export function recallDeadlines(
	level: Level,
	openedAt: string,
	timeZone = DEFAULT_TIME_ZONE
): RecallDeadlines {
	const { startHours, workingDays } = RECALL_TERMS[level];
	const opened = Date.parse(openedAt);
	let day = localDay(opened, timeZone);
	for (let counted = 0; counted < workingDays;) {
		day = nextDay(day);
		if (isWeekday(day)) counted++;
	}
	const end =
		instantOfLocal(`${nextDay(day)}T00:00`, timeZone) ?? Date.parse(`${nextDay(day)}T00:00:00Z`);
	return {
		acknowledgeBy: new Date(opened + startHours * 3_600_000).toISOString(),
		lastDay: day,
		completeBy: new Date(end).toISOString(),
		workingDays
	};
}

/** Whether a recall still open is past its time limit at `now`. */
export function recallOverdue(
	r: {
		level: Level;
		openedAt: string;
		closedAt: string | null;
		merchantsDone: number;
		merchants: number;
	},
	now: number,
	timeZone = DEFAULT_TIME_ZONE
): boolean {
	if (r.closedAt !== null || (r.merchants > 0 && r.merchantsDone === r.merchants)) return false;
	return now > Date.parse(recallDeadlines(r.level, r.openedAt, timeZone).completeBy);
}
