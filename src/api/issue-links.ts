/**
 * Issue links: POST /rest/api/{v}/issueLink, GET and DELETE /issueLink/{id}, and an issue's `issuelinks` field.
 *
 * Direction: Jira's create request names the source issue (the one that reads the outward phrase, "DEMO-1
 * blocks DEMO-2") in `inwardIssue` and the destination in `outwardIssue`, and puts the optional comment on the
 * source. Reading the issues back, the source lists the link with `outwardIssue` = destination and the
 * destination lists it with `inwardIssue` = source. Callers here only say `from`, `type` and `to`, read as a
 * sentence, so nobody has to remember which wire field is which.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError, JiraError } from '../errors.js';
import { type IssueLink, type LinkedIssueRef, toIssueLink, toLinkedIssueRef } from '../models/issue-link.js';
import { asRecord, str } from '../models/json.js';
import type { IssueLinkType } from '../models/reference.js';
import { referenceApis } from './reference.js';
import { type RichTextInput, richTextForWire } from './rich-text-input.js';

/** What `links.add()` creates: "`from` `type` `to`", e.g. `{ from: 'DEMO-1', type: 'blocks', to: 'DEMO-2' }`. */
export interface AddIssueLinkInput {
  /**
   * Link type id, name ("Blocks"), outward phrase ("blocks") or inward phrase ("is blocked by"); an inward
   * phrase reverses the link, so `DEMO-1 "is blocked by" DEMO-2` stores "DEMO-2 blocks DEMO-1".
   */
  type: string;
  /** The issue the sentence starts with (key or id). */
  from: string;
  /** The issue the sentence ends with (key or id). */
  to: string;
  /** A comment Jira adds to the source issue (Markdown, or `{adf}` / `{wiki}` untouched). */
  comment?: RichTextInput;
}

/** The request `links.add()` sends, for printing without sending (`--dry-run`). */
export interface IssueLinkRequest {
  method: 'POST';
  path: string;
  body: Record<string, unknown>;
  /** The resolved type, and the issues in Jira's source -> destination order. */
  type: IssueLinkType;
  source: string;
  destination: string;
}

/** `jira.issues.links`. */
export interface IssueLinksApi {
  /** Link two issues ("DEMO-1 blocks DEMO-2") and return the link as the `from` issue lists it. */
  add(link: AddIssueLinkInput, opts?: CallOptions): Promise<IssueLink>;
  /** The request `add()` would send (resolves the link type; changes nothing). */
  request(link: AddIssueLinkInput, opts?: CallOptions): Promise<IssueLinkRequest>;
  /** One link by id; `from` is the source, `to` the destination. */
  get(id: string, opts?: CallOptions): Promise<IssueLink>;
  /** The links of an issue, each with its direction and the other issue. */
  list(key: string, opts?: CallOptions): Promise<IssueLink[]>;
  /** Delete one link. */
  remove(id: string, opts?: CallOptions): Promise<void>;
  /** Delete every link of an issue; returns the links it removed. */
  removeAll(key: string, opts?: CallOptions): Promise<IssueLink[]>;
}

function required(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`A ${name} is required`);
  return value.trim();
}

/** Wire reference to an issue: numeric ids go as `id`, anything else as `key`. */
function issueRef(keyOrId: string): Record<string, string> {
  return /^\d+$/.test(keyOrId) ? { id: keyOrId } : { key: keyOrId };
}

function sameIssue(ref: LinkedIssueRef | undefined, keyOrId: string): boolean {
  if (!ref) return false;
  return /^\d+$/.test(keyOrId) ? ref.id === keyOrId : ref.key.toUpperCase() === keyOrId.toUpperCase();
}

/**
 * Find the link type `wanted` names: id, then name, then outward phrase, then inward phrase (case-insensitive).
 * `reversed` is true when only the inward phrase matched, so the sentence's issues swap ends.
 */
export function resolveLinkType(
  types: readonly IssueLinkType[],
  wanted: string,
): { type: IssueLinkType; reversed: boolean } {
  const lower = wanted.trim().toLowerCase();
  const byId = types.find((t) => t.id === wanted.trim());
  if (byId) return { type: byId, reversed: false };
  const byName = types.find((t) => t.name.toLowerCase() === lower);
  if (byName) return { type: byName, reversed: false };
  const byOutward = types.find((t) => t.outward.toLowerCase() === lower);
  if (byOutward) return { type: byOutward, reversed: false };
  const byInward = types.find((t) => t.inward.toLowerCase() === lower);
  if (byInward) return { type: byInward, reversed: true };
  const known = types.map((t) => `${t.name} (${t.outward} / ${t.inward})`).join(', ');
  throw new InputError(`Unknown issue link type '${wanted}'. Known types: ${known || 'none'}`);
}

async function root(core: JiraCore, opts: CallOptions): Promise<string> {
  return `/rest/api/${apiVersion(await core.deployment(opts))}`;
}

/** Build the `issues.links` namespace over a client core. */
export function issueLinksApi(core: JiraCore): IssueLinksApi {
  // Link types are never cached, so the reference namespace needs no real cache here.
  const linkTypes = referenceApis(core, (_type, load) => load()).issueLinkTypes;

  async function request(link: AddIssueLinkInput, opts: CallOptions = {}): Promise<IssueLinkRequest> {
    const from = required('from issue key', link.from);
    const to = required('to issue key', link.to);
    const { type, reversed } = resolveLinkType(await linkTypes.list(opts), required('link type', link.type));
    const [source, destination] = reversed ? [to, from] : [from, to];
    const body: Record<string, unknown> = {
      type: { name: type.name },
      inwardIssue: issueRef(source),
      outwardIssue: issueRef(destination),
    };
    if (link.comment !== undefined) {
      body.comment = { body: await richTextForWire(link.comment, await core.deployment(opts)) };
    }
    return { method: 'POST', path: `${await root(core, opts)}/issueLink`, body, type, source, destination };
  }

  async function list(key: string, opts: CallOptions = {}): Promise<IssueLink[]> {
    const path = `${await root(core, opts)}/issue/${encodeURIComponent(required('issue key or id', key))}`;
    const json = await core.send<unknown>({ path, query: { fields: 'issuelinks,summary,status' } }, opts);
    const issue = asRecord(json) ?? {};
    const listedOn = toLinkedIssueRef(issue) ?? { id: '', key: str(issue, 'key') ?? key };
    const links = asRecord(issue.fields)?.issuelinks;
    return Array.isArray(links) ? links.map((l) => toIssueLink(l, listedOn)) : [];
  }

  async function remove(id: string, opts: CallOptions = {}): Promise<void> {
    const path = `${await root(core, opts)}/issueLink/${encodeURIComponent(required('link id', id))}`;
    await core.send<unknown>({ method: 'DELETE', path }, opts);
  }

  return {
    request,
    list,
    remove,
    async add(link, opts = {}) {
      const req = await request(link, opts);
      // Jira answers 201 with no body: the link is found again on its source issue.
      await core.send<unknown>({ method: 'POST', path: req.path, body: req.body }, opts);
      const created = (await list(req.source, opts)).find(
        (l) => l.direction === 'outward' && l.type.id === req.type.id && sameIssue(l.to, req.destination),
      );
      if (!created) {
        throw new JiraError(`Jira accepted the link but ${req.source} does not list it`, { status: 201 });
      }
      return created;
    },
    async get(id, opts = {}) {
      const path = `${await root(core, opts)}/issueLink/${encodeURIComponent(required('link id', id))}`;
      return toIssueLink(await core.send<unknown>({ path }, opts));
    },
    async removeAll(key, opts = {}) {
      const links = await list(key, opts);
      for (const link of links) await remove(link.id, opts);
      return links;
    },
  };
}
