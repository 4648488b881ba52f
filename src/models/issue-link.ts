/**
 * Links between two issues. Jira stores a link from a source issue to a destination issue: the source reads the
 * type's outward phrase ("DEMO-1 blocks DEMO-2"), the destination the inward one ("DEMO-2 is blocked by DEMO-1").
 */

import { asRecord, str } from './json.js';

/** The link type as a link carries it. */
export interface IssueLinkTypeRef {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/** An issue at one end of a link: key and id, with summary and status when Jira sent them. */
export interface LinkedIssueRef {
  id: string;
  key: string;
  summary?: string;
  status?: string;
}

/** A link between two issues; `raw` is the wire JSON. */
export interface IssueLink {
  id: string;
  self: string;
  type: IssueLinkTypeRef;
  /**
   * Seen from the issue the link was listed on: `outward` when that issue reads the outward phrase toward
   * `issue` ("blocks"), `inward` when it reads the inward phrase ("is blocked by"). Absent on a link read by id.
   */
  direction?: 'inward' | 'outward';
  /** The phrase the listed issue reads toward `issue`; absent on a link read by id. */
  phrase?: string;
  /** The other issue, seen from the issue the link was listed on; absent on a link read by id. */
  issue?: LinkedIssueRef;
  /** The source: the issue that reads the outward phrase ("DEMO-1" in "DEMO-1 blocks DEMO-2"). */
  from?: LinkedIssueRef;
  /** The destination: the issue that reads the inward phrase ("DEMO-2" in "DEMO-1 blocks DEMO-2"). */
  to?: LinkedIssueRef;
  raw: Record<string, unknown>;
}

function toTypeRef(value: unknown): IssueLinkTypeRef {
  const r = asRecord(value) ?? {};
  return {
    id: String(r.id ?? ''),
    name: str(r, 'name') ?? '',
    inward: str(r, 'inward') ?? '',
    outward: str(r, 'outward') ?? '',
  };
}

/** Read an issue reference of a link (`inwardIssue` / `outwardIssue`), or undefined when absent. */
export function toLinkedIssueRef(value: unknown): LinkedIssueRef | undefined {
  const r = asRecord(value);
  if (!r) return undefined;
  const ref: LinkedIssueRef = { id: String(r.id ?? ''), key: str(r, 'key') ?? '' };
  const fields = asRecord(r.fields);
  const summary = fields ? str(fields, 'summary') : undefined;
  if (summary !== undefined) ref.summary = summary;
  const status = asRecord(fields?.status);
  const statusName = status ? str(status, 'name') : undefined;
  if (statusName !== undefined) ref.status = statusName;
  return ref;
}

/**
 * Convert a wire link. Read by id (`GET /issueLink/{id}`), both ends are present: `inwardIssue` names the
 * source, `outwardIssue` the destination, as in the create request. Listed in an issue's `issuelinks`, only
 * the other end is present; pass the listed issue as `listedOn` so `from`/`to` are both filled.
 */
export function toIssueLink(json: unknown, listedOn?: LinkedIssueRef): IssueLink {
  const raw = asRecord(json) ?? {};
  const link: IssueLink = {
    id: String(raw.id ?? ''),
    self: str(raw, 'self') ?? '',
    type: toTypeRef(raw.type),
    raw,
  };
  const inward = toLinkedIssueRef(raw.inwardIssue);
  const outward = toLinkedIssueRef(raw.outwardIssue);
  if (listedOn === undefined || (inward && outward)) {
    if (inward) link.from = inward;
    if (outward) link.to = outward;
    return link;
  }
  // On the listed issue, `outwardIssue` is the issue it points at with the outward phrase, and vice versa.
  if (outward) {
    Object.assign(link, { direction: 'outward', phrase: link.type.outward, issue: outward });
    link.from = listedOn;
    link.to = outward;
  } else if (inward) {
    Object.assign(link, { direction: 'inward', phrase: link.type.inward, issue: inward });
    link.from = inward;
    link.to = listedOn;
  }
  return link;
}

/** "DEMO-1 blocks DEMO-2": the link as a sentence, from its source's side. */
export function describeIssueLink(link: IssueLink): string {
  return `${link.from?.key ?? '?'} ${link.type.outward} ${link.to?.key ?? '?'}`;
}
