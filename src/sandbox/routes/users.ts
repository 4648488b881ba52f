/**
 * User lookup: `GET /rest/api/{v}/user` (one user) and `GET /rest/api/{v}/user/search` (a query). Cloud finds
 * users by account id and matches `query` against display names and email addresses; Data Center takes
 * `username`, matched against user names too.
 */
import type { UserRecord } from '../model.js';
import { parseExpand } from '../render/field-selection.js';
import { errorResponse, jsonResponse, notAuthenticated } from '../render/responses.js';
import { renderMyself, renderUserRef } from '../render/users.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 1000;

/** Registers the two user routes. */
export function registerUsers(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    app.get(deps.path(`/rest/api/${version}/user`), (c) => {
      if (!c.get('caller').user) return notAuthenticated();
      const user = findUser(deps, c.req.query('accountId'), c.req.query('username'), c.req.query('key'));
      if (user === 'missing-parameter') {
        return errorResponse(400, [
          deps.flavor === 'cloud'
            ? 'The accountId query parameter needs to be provided.'
            : 'username or key is required',
        ]);
      }
      if (!user) return userNotFound(deps.flavor, c.req.query('accountId') ?? c.req.query('username') ?? '');
      return jsonResponse(
        200,
        renderMyself(user, scopeFor(c, deps, version), parseExpand(c.req.queries('expand'))),
      );
    });

    app.get(deps.path(`/rest/api/${version}/user/search`), (c) => {
      if (!c.get('caller').user) return notAuthenticated();
      const text = deps.flavor === 'cloud' ? c.req.query('query') : c.req.query('username');
      const accountId = deps.flavor === 'cloud' ? c.req.query('accountId') : undefined;
      if ((text === undefined || text === '') && !accountId) {
        return errorResponse(400, [
          deps.flavor === 'cloud'
            ? 'One of the query parameters query, accountId or property is required.'
            : 'The username query parameter was not provided',
        ]);
      }
      const includeInactive = c.req.query('includeInactive') === 'true';
      const startAt = whole(c.req.query('startAt'), 0);
      const maxResults = Math.min(whole(c.req.query('maxResults'), DEFAULT_PAGE), MAX_PAGE);
      const scope = scopeFor(c, deps, version);
      const found = deps.store.state.users
        .filter((u) => u.active || includeInactive)
        .filter((u) =>
          accountId ? u.accountId === accountId : matches(u, text ?? '', deps.flavor === 'datacenter'),
        )
        .slice(startAt, startAt + maxResults);
      return jsonResponse(
        200,
        found.map((u) => renderUserRef(u, scope)),
      );
    });
  }
}

function findUser(
  deps: RouteDeps,
  accountId: string | undefined,
  username: string | undefined,
  key: string | undefined,
): UserRecord | undefined | 'missing-parameter' {
  if (deps.flavor === 'cloud') {
    if (!accountId) return 'missing-parameter';
    return deps.store.userByAccountId(accountId);
  }
  if (username) return deps.store.userByName(username);
  if (key) return deps.store.state.users.find((u) => u.key === key);
  return 'missing-parameter';
}

/** Jira matches the start of the name, of any word of the display name, and of the email address. */
function matches(user: UserRecord, text: string, byName: boolean): boolean {
  const needle = text.toLowerCase();
  if (needle === '.' || needle === '*') return true;
  const words = user.displayName.toLowerCase().split(/\s+/);
  return (
    (byName && user.name.toLowerCase().startsWith(needle)) ||
    user.displayName.toLowerCase().startsWith(needle) ||
    words.some((w) => w.startsWith(needle)) ||
    user.email.toLowerCase().startsWith(needle)
  );
}

function userNotFound(flavor: RouteDeps['flavor'], who: string): Response {
  return flavor === 'cloud'
    ? errorResponse(404, [`Specified user does not exist or you do not have required permissions`])
    : errorResponse(404, [`The user named '${who}' does not exist`]);
}

function whole(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && Number.isInteger(n) && n >= 0 ? n : fallback;
}
