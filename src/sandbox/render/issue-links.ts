/**
 * Issue links on the wire. In an issue's `issuelinks`, each link names only the other issue: `outwardIssue`
 * when the issue is the source ("blocks" the other), `inwardIssue` when it is the destination. Read by id,
 * a link names both: `inwardIssue` = source and `outwardIssue` = destination, the same fields as a create.
 */
import { linksOf, linkTypeById } from '../issue-link-store.js';
import type { IssueLinkRecord, IssueRecord } from '../model.js';
import { renderIssueLinkRef } from './issue-ref.js';
import { apiRoot, type RenderScope } from './scope.js';

function linkType(record: IssueLinkRecord, scope: RenderScope): Record<string, unknown> {
  const type = linkTypeById(record.typeId);
  return {
    id: record.typeId,
    name: type?.name ?? '',
    inward: type?.inward ?? '',
    outward: type?.outward ?? '',
    self: `${apiRoot(scope)}/issueLinkType/${record.typeId}`,
  };
}

function base(record: IssueLinkRecord, scope: RenderScope): Record<string, unknown> {
  return {
    id: String(record.id),
    self: `${apiRoot(scope)}/issueLink/${record.id}`,
    type: linkType(record, scope),
  };
}

/** The `issuelinks` field of an issue. */
export function renderIssueLinks(issue: IssueRecord, scope: RenderScope): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const record of linksOf(scope.store, issue)) {
    const outward = record.sourceId === issue.id;
    const other = scope.store.issue(String(outward ? record.destinationId : record.sourceId));
    if (!other) continue;
    out.push({
      ...base(record, scope),
      [outward ? 'outwardIssue' : 'inwardIssue']: renderIssueLinkRef(other, scope),
    });
  }
  return out;
}

/** A link read by id, with both ends; null when an end no longer exists. */
export function renderIssueLink(record: IssueLinkRecord, scope: RenderScope): Record<string, unknown> | null {
  const source = scope.store.issue(String(record.sourceId));
  const destination = scope.store.issue(String(record.destinationId));
  if (!source || !destination) return null;
  return {
    ...base(record, scope),
    inwardIssue: renderIssueLinkRef(source, scope),
    outwardIssue: renderIssueLinkRef(destination, scope),
  };
}
