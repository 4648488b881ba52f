/** Issue comments: /rest/api/{3 on Cloud, 2 on Data Center}/issue/{key}/comment[/{id}]. */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions, Deployment } from '../client/types.js';
import { InputError } from '../errors.js';
import { type Comment, type CommentVisibility, toComment } from '../models/comment.js';
import { loadTextConverters, textConvertersReady } from '../models/rich-text.js';
import { type RichTextInput, richTextForWire } from './rich-text-input.js';

/** Options of `comments.list()`. */
export interface ListCommentsOptions extends CallOptions {
  /** Stop after this many comments. */
  first?: number;
  /** Leave out this many comments from the start. */
  skip?: number;
  /** Comments asked for per request. */
  pageSize?: number;
  /** `created` (oldest first, the default) or `-created` (newest first). */
  orderBy?: 'created' | '-created';
}

/** Options of `comments.add()` and `comments.update()`. */
export interface WriteCommentOptions extends CallOptions {
  /** Restrict the comment to a project role or a group. */
  visibility?: CommentVisibility;
}

/** `jira.issues.comments`. */
export interface CommentsApi {
  /** Every comment on an issue, oldest first, fetched page by page as you iterate. */
  list(key: string, opts?: ListCommentsOptions): AsyncIterable<Comment>;
  /** One comment by id. */
  get(key: string, id: string, opts?: CallOptions): Promise<Comment>;
  /** Add a comment; `body` is Markdown, or `{ adf }` (Cloud) / `{ wiki }` (Data Center) sent untouched. */
  add(key: string, body: RichTextInput, opts?: WriteCommentOptions): Promise<Comment>;
  /** Replace a comment's body (and visibility, when given). */
  update(key: string, id: string, body: RichTextInput, opts?: WriteCommentOptions): Promise<Comment>;
  /** Delete a comment. */
  remove(key: string, id: string, opts?: CallOptions): Promise<void>;
}

function required(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`A ${name} is required`);
  return encodeURIComponent(value);
}

async function root(core: JiraCore, key: string, call: CallOptions): Promise<[string, Deployment]> {
  const deployment = await core.deployment(call);
  return [
    `/rest/api/${apiVersion(deployment)}/issue/${required('issue key or id', key)}/comment`,
    deployment,
  ];
}

/** Where the body cannot be converted on read, load the converter before handing the comment out. */
async function ready(comment: Comment): Promise<Comment> {
  if (!textConvertersReady()) await loadTextConverters();
  return comment;
}

async function* listComments(
  core: JiraCore,
  key: string,
  opts: ListCommentsOptions,
): AsyncGenerator<Comment> {
  const { first, skip, pageSize, orderBy, ...call } = opts;
  const [path] = await root(core, key, call);
  const paging = {
    style: 'offset' as const,
    itemsKey: 'comments',
    ...(first === undefined ? {} : { first }),
    ...(skip === undefined ? {} : { skip }),
    ...(pageSize === undefined ? {} : { pageSize }),
  };
  for await (const item of core.paginate<unknown>({ path, query: { orderBy } }, paging, call)) {
    yield await ready(toComment(item));
  }
}

async function writeBody(
  body: RichTextInput,
  deployment: Deployment,
  visibility: CommentVisibility | undefined,
): Promise<Record<string, unknown>> {
  const wire: Record<string, unknown> = { body: await richTextForWire(body, deployment) };
  if (visibility) wire.visibility = { type: visibility.type, value: visibility.value };
  return wire;
}

/** Build the `comments` namespace over a client core. */
export function commentsApi(core: JiraCore): CommentsApi {
  return {
    list: (key, opts = {}) => listComments(core, key, opts),
    async get(key, id, opts = {}) {
      const [path] = await root(core, key, opts);
      return ready(
        toComment(await core.send<unknown>({ path: `${path}/${required('comment id', id)}` }, opts)),
      );
    },
    async add(key, body, opts = {}) {
      const { visibility, ...call } = opts;
      const [path, deployment] = await root(core, key, call);
      const wire = await writeBody(body, deployment, visibility);
      return ready(toComment(await core.send<unknown>({ method: 'POST', path, body: wire }, call)));
    },
    async update(key, id, body, opts = {}) {
      const { visibility, ...call } = opts;
      const [path, deployment] = await root(core, key, call);
      const wire = await writeBody(body, deployment, visibility);
      const target = `${path}/${required('comment id', id)}`;
      return ready(toComment(await core.send<unknown>({ method: 'PUT', path: target, body: wire }, call)));
    },
    async remove(key, id, opts = {}) {
      const [path] = await root(core, key, opts);
      await core.send<unknown>({ method: 'DELETE', path: `${path}/${required('comment id', id)}` }, opts);
    },
  };
}
