/** Issue history: the changelog's entries, normalized to oldest first on both flavors. */

import { asRecord, str } from './json.js';
import { toUser, type User } from './user.js';

/** One changed field of a history entry; ids in `from`/`to`, display text in `fromString`/`toString`. */
export interface HistoryItem {
  field: string;
  /** Cloud only: the field's id (`customfield_10020`, `assignee`). */
  fieldId?: string;
  /** `jira` for system fields, `custom` for custom ones. */
  fieldType?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/** One change to an issue: who, when, and the fields it touched. */
export interface HistoryEntry {
  id: string;
  /** Absent when Jira sends no author (changes made by automation or an anonymous user). */
  author?: User;
  created: string;
  items: HistoryItem[];
  raw: Record<string, unknown>;
}

function textOrNull(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

function toHistoryItem(json: unknown): HistoryItem {
  const raw = asRecord(json) ?? {};
  const item: HistoryItem = {
    field: str(raw, 'field') ?? '',
    from: textOrNull(raw, 'from'),
    fromString: textOrNull(raw, 'fromString'),
    to: textOrNull(raw, 'to'),
    toString: textOrNull(raw, 'toString'),
  };
  const fieldId = str(raw, 'fieldId');
  if (fieldId !== undefined) item.fieldId = fieldId;
  const fieldType = str(raw, 'fieldtype');
  if (fieldType !== undefined) item.fieldType = fieldType;
  return item;
}

/** Convert one wire history (an embedded `histories` item or a `/changelog` value). */
export function toHistoryEntry(json: unknown): HistoryEntry {
  const raw = asRecord(json) ?? {};
  const entry: HistoryEntry = {
    id: String(raw.id ?? ''),
    created: str(raw, 'created') ?? '',
    items: Array.isArray(raw.items) ? raw.items.map(toHistoryItem) : [],
    raw,
  };
  if (raw.author !== undefined && raw.author !== null) entry.author = toUser(raw.author);
  return entry;
}

/** Oldest first: by time, then by id (Jira's ids grow with time), whatever order the server used. */
export function oldestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  const time = (e: HistoryEntry) => Date.parse(e.created) || 0;
  const id = (e: HistoryEntry) => Number(e.id) || 0;
  return entries.sort((a, b) => time(a) - time(b) || id(a) - id(b));
}

/** The history embedded by `expand=changelog`, oldest first; undefined when the issue carries none. */
export function historyOf(raw: Record<string, unknown>): HistoryEntry[] | undefined {
  const changelog = asRecord(raw.changelog);
  if (!changelog || !Array.isArray(changelog.histories)) return undefined;
  return oldestFirst(changelog.histories.map(toHistoryEntry));
}

/** True when the embedded changelog holds fewer histories than the issue has (Cloud caps it at 100). */
export function historyTruncated(raw: Record<string, unknown>): boolean {
  const changelog = asRecord(raw.changelog);
  if (!changelog || !Array.isArray(changelog.histories)) return false;
  return typeof changelog.total === 'number' && changelog.total > changelog.histories.length;
}
