/**
 * What a JQL bulk run does to one issue, and how it tells whether an earlier attempt whose reply was lost
 * already took effect (so that nothing is applied twice): update compares the issue's values with the target,
 * transition compares its status, delete takes 404 as done, comment looks for the same body added since the
 * run started.
 */

import type { JiraCore } from '../../client/core.js';
import { apiVersion } from '../../client/deployment.js';
import type { CallOptions, RequestSpec } from '../../client/types.js';
import { NotFoundError } from '../../errors.js';
import { pickTransition } from '../transitions.js';
import type { BulkIssueCalls } from './issue-calls.js';
import type { ItemContext, ItemDone } from './run-items.js';
import { outcomeUnknown } from './run-items.js';

/** Input of `updateMany`. */
export interface UpdateManyInput {
  jql: string;
  /** Field id, number or name to value, as `issues.update` takes them. */
  fields?: Record<string, unknown>;
  addLabels?: string[];
  removeLabels?: string[];
}
/** Input of `transitionMany`: `to` is a transition or status name, or a transition id. */
export interface TransitionManyInput {
  jql: string;
  to: string;
}
/** Input of `deleteMany`. */
export interface DeleteManyInput {
  jql: string;
  includeSubtasks?: boolean;
}
/** Input of `commentMany`: `body` is Markdown, as `comments.add` takes it. */
export interface CommentManyInput {
  jql: string;
  body: string;
}

export type JqlInput =
  | { operation: 'update'; input: UpdateManyInput }
  | { operation: 'transition'; input: TransitionManyInput }
  | { operation: 'delete'; input: DeleteManyInput }
  | { operation: 'comment'; input: CommentManyInput };

/** Tries of one change whose outcome stays unknown before the item fails. */
const UNKNOWN_OUTCOME_TRIES = 3;

/** The work of one issue of a JQL run. */
export function itemWork(
  core: JiraCore,
  api: BulkIssueCalls,
  run: JqlInput & { startedAt: string },
): (key: string, ctx: ItemContext) => Promise<ItemDone> {
  switch (run.operation) {
    case 'update':
      return (key, ctx) => updateOne(core, api, key, run.input, ctx);
    case 'transition':
      return (key, ctx) => transitionOne(api, key, run.input.to, ctx);
    case 'delete':
      return (key, ctx) => deleteOne(api, key, run.input.includeSubtasks === true, ctx);
    case 'comment':
      return (key, ctx) => commentOne(api, key, run.input.body, run.startedAt, ctx);
  }
}

/** Send a change; when its reply is lost, ask `applied` before sending it again. */
async function change(ctx: ItemContext, send: () => Promise<unknown>, applied: () => Promise<boolean>) {
  for (let tries = 1; ; tries++) {
    ctx.sent();
    try {
      await send();
      return false;
    } catch (error) {
      if (!outcomeUnknown(error) || tries >= UNKNOWN_OUTCOME_TRIES) throw error;
      if (await applied()) return true;
    }
  }
}

async function updateOne(
  core: JiraCore,
  api: BulkIssueCalls,
  key: string,
  input: UpdateManyInput,
  ctx: ItemContext,
): Promise<ItemDone> {
  const requests = await updateRequests(core, api, key, input, ctx.call);
  const applied = () => updateApplied(api, key, requests, ctx.call);
  if (ctx.wasSent && (await applied())) return { key, reconciled: true };
  const reconciled = await change(
    ctx,
    async () => {
      for (const request of requests) await core.send<unknown>(request, ctx.call);
    },
    applied,
  );
  return { key, ...(reconciled ? { reconciled } : {}) };
}

/** The PUTs of an update: the fields through `updateRequests`, the label operations added to the issue PUT. */
async function updateRequests(
  core: JiraCore,
  api: BulkIssueCalls,
  key: string,
  input: UpdateManyInput,
  call: CallOptions,
): Promise<RequestSpec[]> {
  const labelOps = [
    ...(input.addLabels ?? []).map((label) => ({ add: label })),
    ...(input.removeLabels ?? []).map((label) => ({ remove: label })),
  ];
  const fields = input.fields ?? {};
  const requests =
    Object.keys(fields).length > 0
      ? await api.updateRequests(key, { fields }, call)
      : [
          {
            method: 'PUT',
            path: `/rest/api/${apiVersion(await core.deployment(call))}/issue/${encodeURIComponent(key)}`,
            body: { update: {} },
          },
        ];
  const first = requests[0];
  if (first && labelOps.length > 0) {
    const body = (first.body ?? {}) as { update?: Record<string, unknown[]> };
    const update = { ...(body.update ?? {}) };
    update.labels = [...(update.labels ?? []), ...labelOps];
    requests[0] = { ...first, body: { ...body, update } };
  }
  return requests;
}

/** Whether the issue already holds every value the update sets (then sending again is not needed). */
async function updateApplied(
  api: BulkIssueCalls,
  key: string,
  requests: RequestSpec[],
  call: CallOptions,
): Promise<boolean> {
  const update = ((requests[0]?.body ?? {}) as { update?: Record<string, unknown[]> }).update ?? {};
  const ids = Object.keys(update);
  if (ids.length === 0 || requests.length > 1) return false;
  const issue = await api.get(key, { ...call, fields: ids });
  for (const [id, ops] of Object.entries(update)) {
    const current = issue.fields[id];
    for (const op of ops as Record<string, unknown>[]) {
      if ('set' in op && !sameValue(current, op.set)) return false;
      if ('add' in op && !(Array.isArray(current) && current.some((v) => sameValue(v, op.add)))) return false;
      if ('remove' in op && Array.isArray(current) && current.some((v) => sameValue(v, op.remove)))
        return false;
    }
  }
  return true;
}

/** Loose equality of a value Jira returns with one sent: objects match on the identifiers sent. */
function sameValue(current: unknown, target: unknown): boolean {
  if (target === null || target === undefined) return current === null || current === undefined;
  if (Array.isArray(target)) {
    return (
      Array.isArray(current) &&
      current.length === target.length &&
      target.every((t) => current.some((c) => sameValue(c, t)))
    );
  }
  if (typeof target === 'object') {
    if (typeof current !== 'object' || current === null) return false;
    const sent = target as Record<string, unknown>;
    const have = current as Record<string, unknown>;
    const ids = ['id', 'key', 'accountId', 'name', 'value'].filter((k) => k in sent);
    if (ids.length === 0) return JSON.stringify(current) === JSON.stringify(target);
    return ids.every((k) => String(have[k]) === String(sent[k]));
  }
  return String(current) === String(target);
}

async function transitionOne(
  api: BulkIssueCalls,
  key: string,
  to: string,
  ctx: ItemContext,
): Promise<ItemDone> {
  const statusIs = async (name: string) =>
    ((await api.get(key, { ...ctx.call, fields: ['status'] })).status ?? '').toLowerCase() ===
    name.toLowerCase();
  if (ctx.wasSent && (await statusIs(to))) return { key, reconciled: true };
  const available = await api.transitions.list(key, ctx.call);
  const chosen = pickTransition(key, to, available);
  const reconciled = await change(
    ctx,
    () => api.transition(key, chosen.id, ctx.call),
    () => statusIs(chosen.to.name),
  );
  return { key, ...(reconciled ? { reconciled } : {}) };
}

async function deleteOne(
  api: BulkIssueCalls,
  key: string,
  includeSubtasks: boolean,
  ctx: ItemContext,
): Promise<ItemDone> {
  try {
    // DELETE is idempotent, so the pipeline itself repeats it after a lost reply.
    ctx.sent();
    await api.remove(key, { ...ctx.call, includeSubtasks });
    return { key };
  } catch (error) {
    // Already gone: deleted by an earlier attempt, or with its parent.
    if (error instanceof NotFoundError) return { key, reconciled: true };
    throw error;
  }
}

async function commentOne(
  api: BulkIssueCalls,
  key: string,
  body: string,
  startedAt: string,
  ctx: ItemContext,
): Promise<ItemDone> {
  const applied = () => commentExists(api, key, body, startedAt, ctx.call);
  if (ctx.wasSent && (await applied())) return { key, reconciled: true };
  const reconciled = await change(ctx, () => api.comments.add(key, body, ctx.call), applied);
  return { key, ...(reconciled ? { reconciled } : {}) };
}

/** A comment with this body added since the run started (newest first, so few pages are read). */
async function commentExists(
  api: BulkIssueCalls,
  key: string,
  body: string,
  startedAt: string,
  call: CallOptions,
): Promise<boolean> {
  const since = Date.parse(startedAt) - 1000;
  const wanted = normalize(body);
  for await (const comment of api.comments.list(key, { ...call, orderBy: '-created' })) {
    if (comment.created && Date.parse(comment.created) < since) return false;
    if (normalize(comment.body ?? '') === wanted) return true;
  }
  return false;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
