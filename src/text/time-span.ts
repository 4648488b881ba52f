/**
 * Jira's time-tracking durations: `1w 2d 3h 30m`, with Jira's default working calendar (1d = 8h, 1w = 5d).
 * Pure functions with no imports, so the sandbox parses with the same rules the library validates with.
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;

const UNIT_SECONDS: Readonly<Record<string, number>> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };
const PART = /^(\d+(?:\.\d+)?|\.\d+)([wdhm])$/;

/**
 * Seconds in a Jira duration such as `1h 30m`, `90m`, `1.5h`, `2d` or `1w`; a bare number counts minutes, as in
 * Jira. Undefined when the text is not a duration or comes to less than one minute.
 */
export function parseTimeSpan(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return atLeastOneMinute(Number(trimmed) * MINUTE);
  let total = 0;
  const seen = new Set<string>();
  for (const part of trimmed.split(/\s+/)) {
    const match = PART.exec(part);
    const unit = match?.[2];
    if (!match || unit === undefined || seen.has(unit)) return undefined;
    seen.add(unit);
    total += Number(match[1]) * (UNIT_SECONDS[unit] ?? 0);
  }
  return atLeastOneMinute(Math.round(total));
}

function atLeastOneMinute(seconds: number): number | undefined {
  return Number.isFinite(seconds) && seconds >= MINUTE ? seconds : undefined;
}

/** A number of seconds as Jira shows it: `1w 2d 3h 30m` (whole minutes; `0m` under a minute). */
export function formatTimeSpan(seconds: number): string {
  let rest = Math.max(0, Math.floor(seconds / MINUTE)) * MINUTE;
  const parts: string[] = [];
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.length === 0 ? '0m' : parts.join(' ');
}
