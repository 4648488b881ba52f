/**
 * Issue links in the store: lookups, creation and removal with their changelog entries. A link reads
 * "source <outward phrase> destination"; each end records a `Link` change in its own words, as Jira does.
 */
import { changeItem, recordChange } from './changelog-writer.js';
import { ISSUE_LINK_TYPES, type IssueLinkRecord, type IssueRecord } from './model.js';
import type { Store } from './store.js';

export type LinkTypeDef = (typeof ISSUE_LINK_TYPES)[number];

/** Every link of the store (an empty list in snapshots written before links existed). */
export function allIssueLinks(store: Store): IssueLinkRecord[] {
  store.state.issueLinks ??= [];
  return store.state.issueLinks;
}

/** The links an issue takes part in, oldest first. */
export function linksOf(store: Store, issue: IssueRecord): IssueLinkRecord[] {
  return (store.state.issueLinks ?? []).filter(
    (l) => l.sourceId === issue.id || l.destinationId === issue.id,
  );
}

/** One link by id (digits only), or undefined. */
export function findIssueLink(store: Store, id: string | undefined): IssueLinkRecord | undefined {
  if (id === undefined || !/^\d+$/.test(id)) return undefined;
  return (store.state.issueLinks ?? []).find((l) => l.id === Number(id));
}

/** The link type with this id, or undefined. */
export function linkTypeById(id: string): LinkTypeDef | undefined {
  return ISSUE_LINK_TYPES.find((t) => t.id === id);
}

/** Adds a link (or finds the identical one: Jira answers a duplicate as if created) and records the change. */
export function addIssueLink(
  store: Store,
  type: LinkTypeDef,
  source: IssueRecord,
  destination: IssueRecord,
  author: string,
): IssueLinkRecord {
  const links = allIssueLinks(store);
  const existing = links.find(
    (l) => l.typeId === type.id && l.sourceId === source.id && l.destinationId === destination.id,
  );
  if (existing) return existing;
  const link: IssueLinkRecord = {
    id: store.nextId(),
    typeId: type.id,
    sourceId: source.id,
    destinationId: destination.id,
  };
  links.push(link);
  const at = new Date().toISOString();
  recordChange(store, source, author, [linkChange(type.outward, destination, 'to')], at);
  recordChange(store, destination, author, [linkChange(type.inward, source, 'to')], at);
  return link;
}

/** Removes a link and records the change on both issues that still exist. The caller commits. */
export function removeIssueLink(store: Store, link: IssueLinkRecord, author: string): void {
  store.state.issueLinks = allIssueLinks(store).filter((l) => l !== link);
  const type = linkTypeById(link.typeId);
  const source = store.issue(String(link.sourceId));
  const destination = store.issue(String(link.destinationId));
  if (!type || !source || !destination) return;
  const at = new Date().toISOString();
  recordChange(store, source, author, [linkChange(type.outward, destination, 'from')], at);
  recordChange(store, destination, author, [linkChange(type.inward, source, 'from')], at);
}

/** Drops every link naming an issue, for when the issue is deleted. The caller commits. */
export function dropIssueLinks(store: Store, issueId: number): void {
  if (!store.state.issueLinks) return;
  store.state.issueLinks = store.state.issueLinks.filter(
    (l) => l.sourceId !== issueId && l.destinationId !== issueId,
  );
}

function linkChange(phrase: string, other: IssueRecord, side: 'from' | 'to') {
  const value = { id: other.key, text: `This issue ${phrase} ${other.key}` };
  const none = { id: null, text: null };
  return side === 'to' ? changeItem('Link', none, value) : changeItem('Link', value, none);
}
