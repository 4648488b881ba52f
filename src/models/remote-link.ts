/** Remote issue links: an issue's links to items outside Jira (web pages, tickets in other systems). */

import { asRecord, str } from './json.js';

/** An icon of a remote link: the item's icon, or its status icon. */
export interface RemoteLinkIcon {
  url16x16?: string;
  title?: string;
  /** Where clicking a status icon leads. */
  link?: string;
}

/** The remote application the linked item lives in. */
export interface RemoteLinkApplication {
  type?: string;
  name?: string;
}

/** What a remote link is written from. `url` and `title` are required by Jira. */
export interface RemoteLinkInput {
  url: string;
  title: string;
  summary?: string;
  icon?: RemoteLinkIcon;
  /** Resolved items show struck through. */
  status?: { resolved?: boolean; icon?: RemoteLinkIcon };
  /** The item's id in its own system; adding a link with a known global id updates that link instead. */
  globalId?: string;
  /** Shown before the link, e.g. "causes"; Jira shows "links to" when absent. */
  relationship?: string;
  application?: RemoteLinkApplication;
}

/** A remote link as the library returns it; `raw` is the wire JSON. */
export interface RemoteLink extends RemoteLinkInput {
  id: string;
  self: string;
  raw: Record<string, unknown>;
}

function toIcon(value: unknown): RemoteLinkIcon | undefined {
  const r = asRecord(value);
  if (!r) return undefined;
  const icon: RemoteLinkIcon = {};
  for (const key of ['url16x16', 'title', 'link'] as const) {
    const text = str(r, key);
    if (text !== undefined) icon[key] = text;
  }
  return icon;
}

/** Convert a wire remote link (a list item or `GET …/remotelink/{id}`). */
export function toRemoteLink(json: unknown): RemoteLink {
  const raw = asRecord(json) ?? {};
  const object = asRecord(raw.object) ?? {};
  const link: RemoteLink = {
    id: String(raw.id ?? ''),
    self: str(raw, 'self') ?? '',
    url: str(object, 'url') ?? '',
    title: str(object, 'title') ?? '',
    raw,
  };
  const summary = str(object, 'summary');
  if (summary !== undefined) link.summary = summary;
  const icon = toIcon(object.icon);
  if (icon && Object.keys(icon).length > 0) link.icon = icon;
  const status = asRecord(object.status);
  if (status) {
    const statusIcon = toIcon(status.icon);
    link.status = {
      ...(typeof status.resolved === 'boolean' ? { resolved: status.resolved } : {}),
      ...(statusIcon && Object.keys(statusIcon).length > 0 ? { icon: statusIcon } : {}),
    };
  }
  const globalId = str(raw, 'globalId');
  if (globalId !== undefined) link.globalId = globalId;
  const relationship = str(raw, 'relationship');
  if (relationship !== undefined) link.relationship = relationship;
  const application = asRecord(raw.application);
  if (application) {
    const type = str(application, 'type');
    const name = str(application, 'name');
    link.application = { ...(type === undefined ? {} : { type }), ...(name === undefined ? {} : { name }) };
  }
  return link;
}

/** The wire body of a create or update: Jira nests the item's own details under `object`. */
export function remoteLinkForWire(input: RemoteLinkInput): Record<string, unknown> {
  const object: Record<string, unknown> = { url: input.url, title: input.title };
  if (input.summary !== undefined) object.summary = input.summary;
  if (input.icon !== undefined) object.icon = { ...input.icon };
  if (input.status !== undefined) object.status = { ...input.status };
  const wire: Record<string, unknown> = { object };
  if (input.globalId !== undefined) wire.globalId = input.globalId;
  if (input.relationship !== undefined) wire.relationship = input.relationship;
  if (input.application !== undefined) wire.application = { ...input.application };
  return wire;
}
