import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateOnlyDay, dateTimeSpan, parseOffset, periodBound } from '../../../src/sandbox/jql/dates.js';
import { instantOf, safeTimeZone, wallClock } from '../../../src/sandbox/jql/zones.js';
import { NOW } from './fixtures.js';

const iso = (ms: number) => new Date(ms).toISOString();
const now = NOW.getTime();
const NY = 'America/New_York';

describe('date literals', () => {
  it('reads day and minute literals in the given zone', () => {
    assert.deepEqual(dateTimeSpan('2026-01-05', now, 'UTC'), {
      start: Date.UTC(2026, 0, 5),
      end: Date.UTC(2026, 0, 6),
    });
    const minute = dateTimeSpan('2026/01/05 10:30', now, NY);
    assert.equal(minute && iso(minute.start), '2026-01-05T15:30:00.000Z');
    assert.equal(minute && minute.end - minute.start, 60_000);
  });

  it('reads periods relative to now, with one sign for the whole period', () => {
    assert.equal(iso(dateTimeSpan('-7d', now, 'UTC')?.start ?? 0), '2026-01-03T12:00:00.000Z');
    assert.equal(iso(dateTimeSpan('4w 2d', now, 'UTC')?.start ?? 0), '2026-02-09T12:00:00.000Z');
    assert.equal(iso(dateTimeSpan('-1w 2d', now, 'UTC')?.start ?? 0), '2026-01-01T12:00:00.000Z');
    assert.equal(iso(dateTimeSpan('1h30m', now, 'UTC')?.start ?? 0), '2026-01-10T13:30:00.000Z');
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['20/12/10', '2026-02-30', '2026-13-01', '2026-01-05 25:00', 'soon', '-7', '7x', '']) {
      assert.equal(dateTimeSpan(bad, now, 'UTC'), null, bad);
    }
  });

  it('reads date-only values as day numbers, refusing a time of day', () => {
    assert.equal(dateOnlyDay('2026-01-10', now, 'UTC'), Date.UTC(2026, 0, 10) / 86_400_000);
    assert.equal(dateOnlyDay('-1d', now, 'UTC'), Date.UTC(2026, 0, 9) / 86_400_000);
    assert.equal(dateOnlyDay('2026-01-10 10:00', now, 'UTC'), null);
  });
});

describe('start/end functions', () => {
  const bound = (
    edge: 'start' | 'end',
    unit: 'day' | 'week' | 'month' | 'year',
    offset: string | null,
    zone = 'UTC',
  ) => iso(periodBound(edge, unit, offset ? parseOffset(offset, unit) : null, now, zone));

  it('bounds the current day, week (from Sunday), month and year', () => {
    assert.equal(bound('start', 'day', null), '2026-01-10T00:00:00.000Z');
    assert.equal(bound('end', 'day', null), '2026-01-10T23:59:59.999Z');
    assert.equal(bound('start', 'week', null), '2026-01-04T00:00:00.000Z');
    assert.equal(bound('end', 'week', null), '2026-01-10T23:59:59.999Z');
    assert.equal(bound('start', 'month', null), '2026-01-01T00:00:00.000Z');
    assert.equal(bound('end', 'month', null), '2026-01-31T23:59:59.999Z');
    assert.equal(bound('start', 'year', null), '2026-01-01T00:00:00.000Z');
    assert.equal(bound('end', 'year', null), '2026-12-31T23:59:59.999Z');
  });

  it('applies offsets, in the function unit when none is written', () => {
    assert.equal(bound('start', 'day', '-1'), '2026-01-09T00:00:00.000Z');
    assert.equal(bound('start', 'week', '+1d'), '2026-01-05T00:00:00.000Z');
    assert.equal(bound('start', 'month', '-1'), '2025-12-01T00:00:00.000Z');
    assert.equal(bound('end', 'month', '+1M'), '2026-02-28T23:59:59.999Z');
    assert.equal(bound('end', 'month', '-1d'), '2026-01-30T23:59:59.999Z');
    assert.equal(bound('start', 'day', '-2h'), '2026-01-09T22:00:00.000Z');
    assert.equal(bound('end', 'year', '-1y'), '2025-12-31T23:59:59.999Z');
  });

  it('rejects malformed offsets', () => {
    for (const bad of ['invalid', '1.5d', '--1', 'd', '1 d'])
      assert.equal(parseOffset(bad, 'day'), null, bad);
  });

  it('works in the caller zone, across daylight-saving changes', () => {
    assert.equal(bound('start', 'day', null, NY), '2026-01-10T05:00:00.000Z');
    const dstDay = Date.UTC(2026, 2, 8, 12);
    assert.equal(iso(periodBound('start', 'day', null, dstDay, NY)), '2026-03-08T05:00:00.000Z');
    assert.equal(iso(periodBound('end', 'day', null, dstDay, NY)), '2026-03-09T03:59:59.999Z');
  });
});

describe('zones', () => {
  it('round-trips wall clocks and falls back to UTC for unknown zones', () => {
    const t = Date.UTC(2026, 6, 1, 12, 34, 56, 789);
    for (const zone of ['UTC', NY, 'Asia/Kolkata', 'Pacific/Chatham']) {
      assert.equal(instantOf(wallClock(t, zone), zone), t, zone);
    }
    assert.equal(safeTimeZone('Not/AZone'), 'UTC');
    assert.equal(safeTimeZone(undefined), 'UTC');
    assert.equal(safeTimeZone(NY), NY);
  });
});
