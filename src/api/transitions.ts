/**
 * Workflow transitions: GET and POST /rest/api/{3 on Cloud, 2 on Data Center}/issue/{key}/transitions.
 * Transitions are named or numbered; a name is looked up among those the issue offers right now.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { asRecord } from '../models/json.js';
import { type Transition, toTransition } from '../models/transition.js';
import type { FieldInfo } from './field-resolver.js';
import { type RichTextInput, richTextForWire } from './rich-text-input.js';
import { resolveUserRef, type UserInput } from './user-refs.js';
import { formatStarted, timeSpentSeconds } from './worklogs.js';

/** Options of `transitions.list()`. */
export interface ListTransitionsOptions extends CallOptions {
  /** Include each transition's screen fields (`expand=transitions.fields`). */
  fields?: boolean;
  /** Only this transition (by id). */
  transitionId?: string;
}

/** What else a transition sets. */
export interface TransitionOptions extends CallOptions {
  /** Screen fields by id or name (names are looked up on the transition's screen, then globally). */
  fields?: Record<string, unknown>;
  /** A comment added with the transition: Markdown, or `{ adf }` / `{ wiki }` sent untouched. */
  comment?: RichTextInput;
  /** Assign to this user (account id, user name, email or display name); null unassigns. */
  assignee?: UserInput | null;
  /** Log this much work with the transition (`1h 30m` or seconds), started now unless `started` says. */
  timeSpent?: string | number;
  /** When the logged work started. */
  started?: Date | string;
  /** Resolution by name (any case) or id; only transitions into a done status take one. */
  resolution?: string;
}

/** `jira.issues.transitions`. */
export interface TransitionsApi {
  /** The transitions an issue offers from its current status. */
  list(key: string, opts?: ListTransitionsOptions): Promise<Transition[]>;
}

function issuePath(version: string, key: string): string {
  if (typeof key !== 'string' || key.trim() === '') throw new InputError('An issue key or id is required');
  return `/rest/api/${version}/issue/${encodeURIComponent(key)}/transitions`;
}

/** The transitions `key` offers now. */
export async function listTransitions(
  core: JiraCore,
  key: string,
  opts: ListTransitionsOptions = {},
): Promise<Transition[]> {
  const { fields, transitionId, ...call } = opts;
  const version = apiVersion(await core.deployment(call));
  const query = { expand: fields ? 'transitions.fields' : undefined, transitionId };
  const json = await core.send<unknown>({ path: issuePath(version, key), query }, call);
  const list = asRecord(json)?.transitions;
  return (Array.isArray(list) ? list : []).map(toTransition);
}

/** The one transition `wanted` names: its id, else its name or target status name, in any case. */
export function pickTransition(key: string, wanted: string, available: readonly Transition[]): Transition {
  const text = wanted.trim();
  const byId = available.find((t) => t.id === text);
  if (byId) return byId;
  const lower = text.toLowerCase();
  let matches = available.filter((t) => t.name.toLowerCase() === lower);
  if (matches.length === 0) matches = available.filter((t) => t.to.name.toLowerCase() === lower);
  const listing = available.map((t) => `${t.name} (${t.id}) -> ${t.to.name}`).join(', ');
  if (matches.length === 1) return matches[0] as Transition;
  if (matches.length > 1)
    throw new InputError(`'${text}' matches several transitions of ${key}: ${listing}; give the id`);
  throw new InputError(
    available.length === 0
      ? `${key} offers no transitions to you`
      : `${key} has no transition '${text}'; available: ${listing}`,
  );
}

/** Perform a transition by id or name, with the fields, comment, assignee and worklog `opts` asks for. */
export async function transitionIssue(
  core: JiraCore,
  key: string,
  transition: string | number,
  opts: TransitionOptions = {},
): Promise<void> {
  const { fields, comment, assignee, timeSpent, started, resolution, ...call } = opts;
  const wanted = String(transition).trim();
  if (wanted === '') throw new InputError('A transition id or name is required');
  // Check what needs no server first, so bad input sends nothing.
  const worklog =
    timeSpent === undefined
      ? undefined
      : { timeSpentSeconds: timeSpentSeconds(timeSpent), started: formatStarted(started ?? new Date()) };
  const deployment = await core.deployment(call);
  const version = apiVersion(deployment);
  const needsScreen = fields !== undefined || resolution !== undefined;
  let chosen: Transition | undefined;
  if (!/^\d+$/.test(wanted) || needsScreen) {
    const available = await listTransitions(core, key, { ...call, fields: needsScreen });
    chosen = pickTransition(key, wanted, available);
  }
  const wireFields: Record<string, unknown> = {};
  if (fields !== undefined) {
    const { resolveFields } = await import('./field-resolver.js');
    const screen: FieldInfo[] = Object.values(chosen?.fields ?? {}).map((f) => ({
      id: f.id,
      name: f.name,
      ...(f.schema ? { schema: f.schema } : {}),
    }));
    Object.assign(wireFields, await resolveFields(core, fields, { editMeta: screen }, call));
  }
  if (resolution !== undefined)
    wireFields.resolution = await resolutionRef(core, version, resolution, chosen, call);
  if (assignee !== undefined)
    wireFields.assignee = assignee === null ? null : await resolveUserRef(core, assignee, call);
  const update: Record<string, unknown> = {};
  if (comment !== undefined) update.comment = [{ add: { body: await richTextForWire(comment, deployment) } }];
  if (worklog) update.worklog = [{ add: worklog }];
  const body: Record<string, unknown> = { transition: { id: chosen?.id ?? wanted } };
  if (Object.keys(wireFields).length > 0) body.fields = wireFields;
  if (Object.keys(update).length > 0) body.update = update;
  await core.send<unknown>({ method: 'POST', path: issuePath(version, key), body }, call);
}

/**
 * The resolution as `{id}`, matched in any case (Jira matches names exactly) among the values the screen lists,
 * else among all resolutions; an unknown name is an InputError naming the choices.
 */
async function resolutionRef(
  core: JiraCore,
  version: string,
  resolution: string,
  transition: Transition | undefined,
  call: CallOptions,
): Promise<Record<string, string>> {
  const wanted = resolution.trim();
  let values = transition?.fields?.resolution?.allowedValues;
  if (!values) {
    const json = await core.send<unknown>({ path: `/rest/api/${version}/resolution` }, call);
    values = Array.isArray(json) ? json : [];
  }
  const named = values.flatMap((value) => {
    const r = asRecord(value);
    return r ? [{ id: String(r.id), name: String(r.name) }] : [];
  });
  const found = named.find((r) => r.id === wanted || r.name.toLowerCase() === wanted.toLowerCase());
  if (found) return { id: found.id };
  throw new InputError(
    `No resolution '${wanted}'; choose one of: ${named.map((r) => r.name).join(', ') || '(none offered)'}`,
  );
}

/** Build the `transitions` namespace over a client core. */
export function transitionsApi(core: JiraCore): TransitionsApi {
  return { list: (key, opts) => listTransitions(core, key, opts) };
}
