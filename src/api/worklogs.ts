/** Issue worklogs: /rest/api/{3 on Cloud, 2 on Data Center}/issue/{key}/worklog[/{id}]. */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions, Deployment } from '../client/types.js';
import { InputError } from '../errors.js';
import type { CommentVisibility } from '../models/comment.js';
import { loadTextConverters, textConvertersReady } from '../models/rich-text.js';
import { toWorklog, type Worklog } from '../models/worklog.js';
import { parseTimeSpan } from '../text/time-span.js';
import { type RichTextInput, richTextForWire } from './rich-text-input.js';

/** Options of `worklogs.list()`. */
export interface ListWorklogsOptions extends CallOptions {
  /** Stop after this many worklogs. */
  first?: number;
  /** Leave out this many worklogs from the start. */
  skip?: number;
  /** Worklogs asked for per request. */
  pageSize?: number;
}

/** How logging work moves the remaining estimate (Jira's `adjustEstimate`); `auto` by default. */
export type EstimateAdjustment =
  | 'auto'
  | 'leave'
  | { newEstimate: string }
  | { reduceBy: string }
  | { increaseBy: string };

/** A worklog to add. */
export interface AddWorklogInput {
  /** `1h 30m`, `90m`, `1.5h`, `2d`, `1w` (1d = 8h, 1w = 5d), or a number of seconds. */
  timeSpent: string | number;
  /** When the work started (default: now). */
  started?: Date | string;
  /** Markdown, or `{ adf }` (Cloud) / `{ wiki }` (Data Center) sent untouched. */
  comment?: RichTextInput;
  visibility?: CommentVisibility;
  /** `reduceBy` applies to add and update, `increaseBy` to remove. */
  adjustEstimate?: EstimateAdjustment;
}

/** Options of `worklogs.remove()`. */
export interface RemoveWorklogOptions extends CallOptions {
  adjustEstimate?: EstimateAdjustment;
}

/** `jira.issues.worklogs`. */
export interface WorklogsApi {
  /** Every worklog on an issue, oldest first, fetched page by page as you iterate. */
  list(key: string, opts?: ListWorklogsOptions): AsyncIterable<Worklog>;
  /** One worklog by id. */
  get(key: string, id: string, opts?: CallOptions): Promise<Worklog>;
  /** Log work; an invalid `timeSpent` is an InputError and nothing is sent. */
  add(key: string, input: AddWorklogInput, opts?: CallOptions): Promise<Worklog>;
  /** Change a worklog; only the given parts are sent. */
  update(key: string, id: string, changes: Partial<AddWorklogInput>, opts?: CallOptions): Promise<Worklog>;
  /** Delete a worklog. */
  remove(key: string, id: string, opts?: RemoveWorklogOptions): Promise<void>;
}

/** Seconds of a time-spent value; InputError unless it is a Jira duration or a whole number of seconds ≥ 60. */
export function timeSpentSeconds(value: string | number): number {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 60) return value;
    throw new InputError(`Time spent must be at least 60 whole seconds, not ${value}`);
  }
  const seconds = parseTimeSpan(value);
  if (seconds === undefined)
    throw new InputError(`'${value}' is not a time span: use forms like 1h 30m, 90m, 1.5h, 2d or 1w`);
  return seconds;
}

/** Jira's `started` format, `2026-01-05T10:00:00.000+0000` (in UTC); InputError for an unreadable date. */
export function formatStarted(value: Date | string): string {
  const at = typeof value === 'string' ? new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : value;
  if (Number.isNaN(at.getTime())) throw new InputError(`'${String(value)}' is not a date and time`);
  return `${at.toISOString().slice(0, 23)}+0000`;
}

function required(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`A ${name} is required`);
  return encodeURIComponent(value);
}

async function root(core: JiraCore, key: string, call: CallOptions): Promise<[string, Deployment]> {
  const deployment = await core.deployment(call);
  return [
    `/rest/api/${apiVersion(deployment)}/issue/${required('issue key or id', key)}/worklog`,
    deployment,
  ];
}

/** Where the comment cannot be converted on read, load the converter before handing the worklog out. */
async function ready(worklog: Worklog): Promise<Worklog> {
  if (!textConvertersReady()) await loadTextConverters();
  return worklog;
}

function adjustmentQuery(adjust: EstimateAdjustment | undefined): Record<string, string | undefined> {
  if (adjust === undefined) return {};
  if (adjust === 'auto' || adjust === 'leave') return { adjustEstimate: adjust };
  const check = (text: string) => {
    if (parseTimeSpan(text) === undefined) throw new InputError(`'${text}' is not a time span`);
    return text;
  };
  if ('newEstimate' in adjust) return { adjustEstimate: 'new', newEstimate: check(adjust.newEstimate) };
  if ('reduceBy' in adjust) return { adjustEstimate: 'manual', reduceBy: check(adjust.reduceBy) };
  return { adjustEstimate: 'manual', increaseBy: check(adjust.increaseBy) };
}

/** The wire body; every value is checked before the comment is converted, so bad input sends nothing. */
async function writeBody(
  input: Partial<AddWorklogInput>,
  deployment: Deployment,
  creating: boolean,
): Promise<Record<string, unknown>> {
  const wire: Record<string, unknown> = {};
  if (input.timeSpent !== undefined) wire.timeSpentSeconds = timeSpentSeconds(input.timeSpent);
  else if (creating) throw new InputError('Time spent is required to log work');
  if (input.started !== undefined || creating) wire.started = formatStarted(input.started ?? new Date());
  if (input.visibility) wire.visibility = { type: input.visibility.type, value: input.visibility.value };
  if (input.comment !== undefined) wire.comment = await richTextForWire(input.comment, deployment);
  return wire;
}

async function* listWorklogs(
  core: JiraCore,
  key: string,
  opts: ListWorklogsOptions,
): AsyncGenerator<Worklog> {
  const { first, skip, pageSize, ...call } = opts;
  const [path] = await root(core, key, call);
  const paging = {
    style: 'offset' as const,
    itemsKey: 'worklogs',
    ...(first === undefined ? {} : { first }),
    ...(skip === undefined ? {} : { skip }),
    ...(pageSize === undefined ? {} : { pageSize }),
  };
  for await (const item of core.paginate<unknown>({ path }, paging, call)) yield await ready(toWorklog(item));
}

/** Build the `worklogs` namespace over a client core. */
export function worklogsApi(core: JiraCore): WorklogsApi {
  return {
    list: (key, opts = {}) => listWorklogs(core, key, opts),
    async get(key, id, opts = {}) {
      const [path] = await root(core, key, opts);
      const json = await core.send<unknown>({ path: `${path}/${required('worklog id', id)}` }, opts);
      return ready(toWorklog(json));
    },
    async add(key, input, opts = {}) {
      const [path, deployment] = await root(core, key, opts);
      const query = adjustmentQuery(input.adjustEstimate);
      const body = await writeBody(input, deployment, true);
      return ready(toWorklog(await core.send<unknown>({ method: 'POST', path, query, body }, opts)));
    },
    async update(key, id, changes, opts = {}) {
      const [path, deployment] = await root(core, key, opts);
      const query = adjustmentQuery(changes.adjustEstimate);
      const body = await writeBody(changes, deployment, false);
      const target = `${path}/${required('worklog id', id)}`;
      return ready(toWorklog(await core.send<unknown>({ method: 'PUT', path: target, query, body }, opts)));
    },
    async remove(key, id, opts = {}) {
      const { adjustEstimate, ...call } = opts;
      const [path] = await root(core, key, call);
      const query = adjustmentQuery(adjustEstimate);
      await core.send<unknown>(
        { method: 'DELETE', path: `${path}/${required('worklog id', id)}`, query },
        call,
      );
    },
  };
}
