/**
 * Wall-clock arithmetic in a named time zone with only `Intl`: JQL dates are read in the caller's zone.
 */

export interface WallClock {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** `zone` when the runtime knows it, else UTC (a user record may carry any text). */
export function safeTimeZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    formatter(zone);
    return zone;
  } catch {
    return 'UTC';
  }
}

/** The wall clock in `zone` at instant `ms`. */
export function wallClock(ms: number, zone: string): WallClock {
  const millisecond = ((ms % 1000) + 1000) % 1000;
  if (zone === 'UTC') {
    const d = new Date(ms);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond,
    };
  }
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond,
  };
}

function utcOf(c: WallClock): number {
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
}

/** The instant whose wall clock in `zone` reads `c`; out-of-range fields roll over as Date.UTC does. */
export function instantOf(c: WallClock, zone: string): number {
  const asUtc = utcOf(c);
  if (zone === 'UTC') return asUtc;
  const offset = (ms: number) => utcOf(wallClock(ms, zone)) - ms;
  const first = asUtc - offset(asUtc);
  const second = asUtc - offset(first);
  return second;
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Days since 1970-01-01 of the date in `zone` at instant `ms`. */
export function localDay(ms: number, zone: string): number {
  const c = wallClock(ms, zone);
  return dayNumber(c.year, c.month, c.day);
}

/** The instant of local midnight in `zone` starting day number `day`. */
export function startOfLocalDay(day: number, zone: string): number {
  const d = new Date(day * 86_400_000);
  return instantOf(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    },
    zone,
  );
}
