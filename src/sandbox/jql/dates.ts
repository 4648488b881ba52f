/**
 * Date values in JQL: absolute literals (`2026-01-05`, `2026/01/05 10:00`), periods relative to now
 * (`-7d`, `4w 2d`, `1h`), epoch milliseconds, and the start/end-of functions with their offsets.
 */
import { dayNumber, instantOf, type WallClock, wallClock } from './zones.js';

/** A span of time [start, end) in epoch ms; an instant is a span of one millisecond. */
export interface DateSpan {
  start: number;
  end: number;
}

type Literal =
  | { kind: 'day'; year: number; month: number; day: number }
  | { kind: 'minute'; year: number; month: number; day: number; hour: number; minute: number }
  | { kind: 'period'; ms: number };

const ABSOLUTE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?: (\d{1,2}):(\d{2}))?$/;
const PERIOD_PART = /(\d+)\s*([wdhm])\s*/y;
const UNIT_MS: Readonly<Record<string, number>> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

/** The text Jira appends to an invalid date on a date-time field. */
export const DATE_TIME_FORMATS =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";
/** The text Jira appends to an invalid date on a date-only field. */
export const DATE_ONLY_FORMATS =
  "Valid formats include: 'YYYY/MM/DD', 'YYYY-MM-DD', or a period format e.g. '-5d', '4w 2d'.";

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parsePeriod(text: string): number | null {
  let rest = text.trim();
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1).trimStart();
  }
  if (rest.length === 0) return null;
  PERIOD_PART.lastIndex = 0;
  let total = 0;
  while (PERIOD_PART.lastIndex < rest.length) {
    const m = PERIOD_PART.exec(rest);
    if (!m) return null;
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
  }
  return sign * total;
}

function parseLiteral(text: string, allowTime: boolean): Literal | null {
  const m = ABSOLUTE.exec(text.trim());
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (!isValidDay(year, month, day)) return null;
    if (m[5] === undefined) return { kind: 'day', year, month, day };
    if (!allowTime) return null;
    const [hour, minute] = [Number(m[5]), Number(m[6])];
    if (hour > 23 || minute > 59) return null;
    return { kind: 'minute', year, month, day, hour, minute };
  }
  const ms = parsePeriod(text);
  return ms === null ? null : { kind: 'period', ms };
}

function clock(year: number, month: number, day: number, hour = 0, minute = 0): WallClock {
  return { year, month, day, hour, minute, second: 0, millisecond: 0 };
}

/** A date-time literal as a span in `zone` (a day, a minute, or an instant for periods); null if invalid. */
export function dateTimeSpan(text: string, nowMs: number, zone: string): DateSpan | null {
  const lit = parseLiteral(text, true);
  if (!lit) return null;
  if (lit.kind === 'period') return { start: nowMs + lit.ms, end: nowMs + lit.ms + 1 };
  if (lit.kind === 'day') {
    const start = instantOf(clock(lit.year, lit.month, lit.day), zone);
    return { start, end: instantOf(clock(lit.year, lit.month, lit.day + 1), zone) };
  }
  const start = instantOf(clock(lit.year, lit.month, lit.day, lit.hour, lit.minute), zone);
  return { start, end: start + 60_000 };
}

/** A date-only literal as a day number (days since 1970-01-01) in `zone`; null if invalid. */
export function dateOnlyDay(text: string, nowMs: number, zone: string): number | null {
  const lit = parseLiteral(text, false);
  if (!lit) return null;
  if (lit.kind === 'period') {
    const c = wallClock(nowMs + lit.ms, zone);
    return dayNumber(c.year, c.month, c.day);
  }
  return lit.kind === 'day' ? dayNumber(lit.year, lit.month, lit.day) : null;
}

/** The calendar unit each start/end function works in. */
export type CalendarUnit = 'day' | 'week' | 'month' | 'year';

const OFFSET = /^([+-])?(\d+)([yMwdhm])?$/;

/** An offset argument such as `-1d`, `+2w` or `-1` (in the function's own unit); null if malformed. */
export function parseOffset(
  text: string,
  unit: CalendarUnit,
): { amount: number; unit: 'y' | 'M' | 'w' | 'd' | 'h' | 'm' } | null {
  const m = OFFSET.exec(text.trim());
  if (!m) return null;
  const amount = (m[1] === '-' ? -1 : 1) * Number(m[2]);
  const natural = unit === 'day' ? 'd' : unit === 'week' ? 'w' : unit === 'month' ? 'M' : 'y';
  const u = (m[3] ?? natural) as 'y' | 'M' | 'w' | 'd' | 'h' | 'm';
  return { amount, unit: u };
}

function addOffset(ms: number, offset: { amount: number; unit: string }, zone: string): number {
  if (offset.unit === 'h') return ms + offset.amount * 3_600_000;
  if (offset.unit === 'm') return ms + offset.amount * 60_000;
  const c = wallClock(ms, zone);
  if (offset.unit === 'y') c.year += offset.amount;
  else if (offset.unit === 'M') c.month += offset.amount;
  else if (offset.unit === 'w') c.day += 7 * offset.amount;
  else c.day += offset.amount;
  return instantOf(c, zone);
}

/** Start of the day/week (Sunday, as Jira's default en-US locale)/month/year containing `ms`. */
function startOf(ms: number, unit: CalendarUnit, zone: string): number {
  const c = wallClock(ms, zone);
  if (unit === 'year') return instantOf(clock(c.year, 1, 1), zone);
  if (unit === 'month') return instantOf(clock(c.year, c.month, 1), zone);
  if (unit === 'day') return instantOf(clock(c.year, c.month, c.day), zone);
  const weekday = new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay();
  return instantOf(clock(c.year, c.month, c.day - weekday), zone);
}

function nextStart(start: number, unit: CalendarUnit, zone: string): number {
  const c = wallClock(start, zone);
  if (unit === 'year') c.year += 1;
  else if (unit === 'month') c.month += 1;
  else c.day += unit === 'week' ? 7 : 1;
  return instantOf(c, zone);
}

const LARGER_OR_EQUAL: Readonly<Record<CalendarUnit, string>> = {
  day: 'dwMy',
  week: 'wMy',
  month: 'My',
  year: 'y',
};

/** `startOfX(offset)` / `endOfX(offset)`: the bound of the period, moved by the offset. */
export function periodBound(
  edge: 'start' | 'end',
  unit: CalendarUnit,
  offset: { amount: number; unit: string } | null,
  nowMs: number,
  zone: string,
): number {
  const start = startOf(nowMs, unit, zone);
  if (edge === 'start') return offset ? addOffset(start, offset, zone) : start;
  if (offset && LARGER_OR_EQUAL[unit].includes(offset.unit)) {
    // Whole periods: the end of the moved period, so endOfMonth(+1M) is the last moment of next month.
    const moved = addOffset(start, offset, zone);
    return nextStart(moved, unit, zone) - 1;
  }
  const end = nextStart(start, unit, zone) - 1;
  return offset ? addOffset(end, offset, zone) : end;
}
