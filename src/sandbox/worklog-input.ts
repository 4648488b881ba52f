/**
 * Reads worklog bodies (the worklog routes and a transition's `update.worklog`) and applies them to an issue:
 * time spent as `timeSpent` text or `timeSpentSeconds`, `started` in Jira's timestamp format, the comment as ADF
 * (Cloud v3) or wiki markup (v2) stored as Markdown, and the remaining estimate adjusted as asked.
 */

import { adfToMarkdown, isAdfDoc, wikiToMarkdown } from '../text/index.js';
import { parseTimeSpan } from '../text/time-span.js';
import { changeItem, recordChange } from './changelog-writer.js';
import type { IssueRecord, WorklogRecord } from './model.js';
import type { Store } from './store.js';

/** What a worklog body sets; fields left out of an update stay undefined. */
export interface WorklogInput {
  timeSpentSeconds?: number;
  started?: string;
  comment?: string | null;
  visibility?: { type: 'role' | 'group'; value: string };
}

export type WorklogParse = { ok: true; input: WorklogInput } | { ok: false; errors: Record<string, string> };

const NO_TIME = 'You must indicate the time spent working.';
const BAD_TIME = 'Invalid time duration entered.';
const BAD_STARTED =
  'Invalid date format. Please enter the date in the format "yyyy-MM-dd\'T\'HH:mm:ss.SSSZ".';

/** Jira's `2026-01-05T10:00:00.000+0000`; also ISO-8601 with `Z` or `+hh:mm`, which Jira tolerates. */
const STARTED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses a worklog body; `creating` makes the time spent required. */
export function readWorklogBody(body: unknown, adf: boolean, creating: boolean): WorklogParse {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const input: WorklogInput = {};
  const errors: Record<string, string> = {};
  const seconds = readSeconds(record);
  if (seconds === 'invalid') errors.timeLogged = BAD_TIME;
  else if (seconds !== undefined) input.timeSpentSeconds = seconds;
  else if (creating) errors.timeLogged = NO_TIME;
  if (record.started !== undefined) {
    const started = readStarted(record.started);
    if (started === undefined) errors.started = BAD_STARTED;
    else input.started = started;
  }
  if (record.comment !== undefined) input.comment = readComment(record.comment, adf);
  const visibility = record.visibility as Record<string, unknown> | undefined;
  if (
    visibility &&
    (visibility.type === 'role' || visibility.type === 'group') &&
    typeof visibility.value === 'string'
  ) {
    input.visibility = { type: visibility.type, value: visibility.value };
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

function readSeconds(record: Record<string, unknown>): number | 'invalid' | undefined {
  const raw = record.timeSpentSeconds;
  if (raw !== undefined && raw !== null) {
    // JiraPS and others send the number as a string; Jira accepts both.
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    return typeof value === 'number' && Number.isInteger(value) && value >= 60 ? value : 'invalid';
  }
  if (typeof record.timeSpent === 'string') return parseTimeSpan(record.timeSpent) ?? 'invalid';
  if (record.timeSpent !== undefined && record.timeSpent !== null) return 'invalid';
  return undefined;
}

function readStarted(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !STARTED.test(raw)) return undefined;
  // Date.parse wants a colon in the offset.
  const normal = raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = Date.parse(normal);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

function readComment(raw: unknown, adf: boolean): string | null {
  if (raw === null) return null;
  const text = adf
    ? isAdfDoc(raw)
      ? adfToMarkdown(raw)
      : ''
    : typeof raw === 'string'
      ? wikiToMarkdown(raw)
      : '';
  return text.trim() === '' ? null : text;
}

/** How the remaining estimate moves: Jira's `adjustEstimate` with `newEstimate`/`reduceBy`/`increaseBy`. */
export interface EstimateAdjustment {
  mode: 'auto' | 'new' | 'leave' | 'manual';
  /** Seconds for `new` (the estimate) and `manual` (reduce on add, increase on delete). */
  seconds?: number;
}

/** Reads `adjustEstimate` and its companion parameter; an error names the parameter at fault. */
export function readAdjustment(
  query: (name: string) => string | undefined,
  manualParam: 'reduceBy' | 'increaseBy',
): EstimateAdjustment | { error: Record<string, string> } {
  const mode = query('adjustEstimate') ?? 'auto';
  if (mode === 'auto' || mode === 'leave') return { mode };
  if (mode !== 'new' && mode !== 'manual')
    return { error: { adjustEstimate: `Invalid value for adjustEstimate: '${mode}'.` } };
  const param = mode === 'new' ? 'newEstimate' : manualParam;
  const seconds = parseTimeSpan(query(param) ?? '');
  if (seconds === undefined) return { error: { [param]: BAD_TIME } };
  return { mode, seconds };
}

/**
 * Applies a change of `delta` logged seconds to the remaining estimate and records the changelog items
 * (`timespent`, and `timeestimate` when it moved). The caller commits the store.
 */
export function recordTimeChange(
  store: Store,
  issue: IssueRecord,
  author: string,
  spentBefore: number,
  delta: number,
  adjustment: EstimateAdjustment,
): void {
  const before = issue.remainingEstimateSeconds ?? null;
  let after = before;
  if (adjustment.mode === 'new') after = adjustment.seconds ?? before;
  else if (adjustment.mode === 'manual' && before !== null)
    after = Math.max(0, before + (delta > 0 ? -1 : 1) * (adjustment.seconds ?? 0));
  else if (adjustment.mode === 'auto' && before !== null) after = Math.max(0, before - delta);
  issue.remainingEstimateSeconds = after;
  const items = [changeItem('timespent', amount(spentBefore), amount(spentBefore + delta))];
  if (after !== before) items.push(changeItem('timeestimate', amount(before), amount(after)));
  recordChange(store, issue, author, items);
}

/** A changelog side for an amount of seconds: none when null or zero. */
function amount(seconds: number | null): { id: string | null; text: string | null } {
  const text = seconds === null || seconds === 0 ? null : String(seconds);
  return { id: text, text };
}

/** Seconds logged on the issue so far. */
export function loggedSeconds(issue: IssueRecord): number {
  return (issue.worklogs ?? []).reduce((sum, w) => sum + w.timeSpentSeconds, 0);
}

/** A new worklog record by `author` from a validated create body. */
export function newWorklog(store: Store, author: string, input: WorklogInput): WorklogRecord {
  const now = new Date().toISOString();
  const record: WorklogRecord = {
    id: store.nextId(),
    author,
    updateAuthor: author,
    timeSpentSeconds: input.timeSpentSeconds ?? 60,
    started: input.started ?? now,
    comment: input.comment ?? null,
    created: now,
    updated: now,
  };
  if (input.visibility) record.visibility = input.visibility;
  return record;
}
