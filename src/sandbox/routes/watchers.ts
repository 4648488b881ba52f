/**
 * Issue watchers at `/rest/api/{v}/issue/{idOrKey}/watchers`: list, add (the body is a bare JSON string: an
 * account id on Cloud, a user name on Data Center; empty means the caller), remove (`?accountId=` on Cloud,
 * `?username=` on Data Center). Watching or unwatching yourself needs only browsing; others need edit rights.
 */
import type { IssueRecord, UserRecord } from '../model.js';
import { canBrowse, canEdit } from '../permissions.js';
import { errorResponse, issueNotFound, jsonResponse } from '../render/responses.js';
import { apiRoot } from '../render/scope.js';
import { renderUserRef } from '../render/users.js';
import { userFromString } from '../user-input.js';
import { noContent } from './attachment-lookup.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

/** Registers the watcher routes. */
export function registerWatchers(app: SandboxApp, deps: RouteDeps): void {
  const { store, flavor } = deps;
  for (const version of apiVersions(flavor)) {
    const path = deps.path(`/rest/api/${version}/issue/:idOrKey/watchers`);

    app.get(path, (c) => {
      const issue = visibleIssue(c, deps);
      if (!issue) return issueNotFound(flavor);
      const scope = scopeFor(c, deps, version);
      const caller = c.get('caller').user;
      const names = watchersOf(issue);
      const users = names
        .map((name) => store.userByName(name))
        .filter((u): u is UserRecord => u !== undefined);
      return jsonResponse(200, {
        self: `${apiRoot(scope)}/issue/${issue.key}/watchers`,
        isWatching: caller !== null && names.includes(caller.name),
        watchCount: users.length,
        watchers: users.map((u) => renderUserRef(u, scope)),
      });
    });

    app.post(path, async (c) => {
      const issue = visibleIssue(c, deps);
      const caller = c.get('caller').user;
      if (!issue || !caller) return issueNotFound(flavor);
      const text = (await c.req.text()).trim();
      let target: UserRecord | undefined = caller;
      if (text !== '') {
        const value: unknown = parseJson(text);
        if (typeof value !== 'string')
          return errorResponse(400, ['The request body must be a JSON string naming the user.']);
        target = userFromString(store, flavor, value);
        if (!target?.active) return errorResponse(404, [`The user "${value}" does not exist.`]);
      }
      const denied = mayManage(deps, issue, caller, target);
      if (denied) return denied;
      const names = watchersOf(issue);
      if (!names.includes(target.name)) issue.watchers = [...names, target.name];
      store.commit();
      return noContent(flavor);
    });

    app.delete(path, (c) => {
      const issue = visibleIssue(c, deps);
      const caller = c.get('caller').user;
      if (!issue || !caller) return issueNotFound(flavor);
      const param = flavor === 'cloud' ? 'accountId' : 'username';
      const value = c.req.query(param);
      if (value === undefined || value === '')
        return errorResponse(400, [`The ${param} query parameter is required.`]);
      const target = userFromString(store, flavor, value);
      if (!target) return errorResponse(404, [`The user "${value}" does not exist.`]);
      const denied = mayManage(deps, issue, caller, target);
      if (denied) return denied;
      issue.watchers = watchersOf(issue).filter((name) => name !== target.name);
      store.commit();
      return noContent(flavor);
    });
  }
}

/** The stored watcher list; a seeded issue without one is watched by its reporter. */
function watchersOf(issue: IssueRecord): string[] {
  return issue.watchers ?? [issue.reporter];
}

function visibleIssue(c: SandboxContext, deps: RouteDeps): IssueRecord | undefined {
  const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
  const user = c.get('caller').user;
  if (!issue || !canBrowse(user, deps.store.project(issue.projectKey))) return undefined;
  return issue;
}

/** A 403 when `caller` may not change whether `target` watches; undefined when allowed. */
function mayManage(
  deps: RouteDeps,
  issue: IssueRecord,
  caller: UserRecord,
  target: UserRecord,
): Response | undefined {
  if (target.name === caller.name) return undefined;
  if (canEdit(caller, deps.store.project(issue.projectKey))) return undefined;
  // Data Center documents (and sends) 401 here, with an ErrorCollection; Cloud sends 403.
  const status = deps.flavor === 'datacenter' ? 401 : 403;
  return errorResponse(status, ['You do not have the permission to manage the watcher list.']);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
