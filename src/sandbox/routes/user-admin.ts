/**
 * User administration: create (`POST /user`), change (`PUT /user`, Data Center only: Cloud manages accounts
 * outside Jira), delete (`DELETE /user`), and Cloud's `GET /user/groups`. Changes need a site administrator.
 */
import { createHash, randomBytes } from 'node:crypto';
import { allGroups } from '../groups.js';
import type { UserRecord } from '../model.js';
import { errorResponse, jsonResponse, notAuthenticated } from '../render/responses.js';
import { apiRoot } from '../render/scope.js';
import { renderMyself } from '../render/users.js';
import { userFromString } from '../user-input.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DEFAULT_GROUP = 'jira-software-users';

/** Registers the user administration routes. */
export function registerUserAdmin(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const path = deps.path(`/rest/api/${version}/user`);

    app.post(path, async (c) => {
      const denied = adminOnly(c);
      if (denied) return denied;
      const body = ((await c.req.json().catch(() => null)) ?? {}) as Record<string, unknown>;
      const email = text(body.emailAddress);
      if (!EMAIL.test(email))
        return errorResponse(400, [], { emailAddress: 'You must specify a valid email address.' });
      const name = deps.flavor === 'cloud' ? (email.split('@')[0]?.toLowerCase() ?? '') : text(body.name);
      if (deps.flavor === 'datacenter' && name === '') {
        return errorResponse(400, [], { username: 'You must specify a username.' });
      }
      const taken = deps.store.userByName(name) || deps.store.userByEmail(email);
      if (taken) {
        return deps.flavor === 'cloud'
          ? errorResponse(400, ['A user with this email address already exists.'])
          : errorResponse(400, [], { username: 'A user with that username already exists.' });
      }
      const user = newUser(deps, name, email, text(body.displayName) || name, text(body.password));
      deps.store.state.users.push(user);
      deps.store.commit();
      return jsonResponse(201, renderMyself(user, scopeFor(c, deps, version), new Set()));
    });

    if (deps.flavor === 'datacenter') {
      app.put(path, async (c) => {
        const denied = adminOnly(c);
        if (denied) return denied;
        const user = target(c, deps);
        if (!user) return userMissing(c);
        const body = ((await c.req.json().catch(() => null)) ?? {}) as Record<string, unknown>;
        if (body.emailAddress !== undefined && !EMAIL.test(text(body.emailAddress))) {
          return errorResponse(400, [], { emailAddress: 'You must specify a valid email address.' });
        }
        if (typeof body.displayName === 'string' && body.displayName.trim() !== '')
          user.displayName = body.displayName;
        if (typeof body.emailAddress === 'string') user.email = body.emailAddress;
        if (typeof body.active === 'boolean') user.active = body.active;
        deps.store.commit();
        return jsonResponse(200, renderMyself(user, scopeFor(c, deps, version), new Set()));
      });
    }

    app.delete(path, (c) => {
      const denied = adminOnly(c);
      if (denied) return denied;
      const user = target(c, deps);
      if (!user) return userMissing(c);
      if (user.name === c.get('caller').user?.name)
        return errorResponse(400, ['You cannot delete yourself.']);
      const users = deps.store.state.users;
      users.splice(users.indexOf(user), 1);
      deps.store.commit();
      return new Response(null, { status: 204 });
    });

    if (deps.flavor === 'cloud') {
      app.get(`${path}/groups`, (c) => {
        if (!c.get('caller').user) return notAuthenticated();
        const user = target(c, deps);
        if (!user) return userMissing(c);
        const scope = scopeFor(c, deps, version);
        const mine = allGroups(deps.store).filter((g) =>
          user.groups.some((n) => n.toLowerCase() === g.name.toLowerCase()),
        );
        return jsonResponse(
          200,
          mine.map((g) => ({
            name: g.name,
            groupId: g.groupId,
            self: `${apiRoot(scope)}/group?groupId=${g.groupId}`,
          })),
        );
      });
    }
  }
}

function newUser(
  deps: RouteDeps,
  name: string,
  email: string,
  displayName: string,
  password: string,
): UserRecord {
  const count = deps.store.state.users.length;
  const hex = createHash('sha1').update(`user:${email.toLowerCase()}`).digest('hex');
  return {
    name,
    key: `JIRAUSER${10000 + count + 100}`,
    accountId: hex.slice(0, 24),
    displayName,
    email,
    active: true,
    admin: false,
    // Without a password given, nobody can sign in as the new user until an admin sets one.
    password: password || randomBytes(18).toString('base64url'),
    apiTokens: [],
    pats: [],
    timeZone: 'Etc/UTC',
    groups: [DEFAULT_GROUP],
  };
}

function target(c: SandboxContext, deps: RouteDeps): UserRecord | undefined {
  if (deps.flavor === 'cloud') {
    const id = c.req.query('accountId');
    return id ? userFromString(deps.store, 'cloud', id) : undefined;
  }
  const name = c.req.query('username');
  if (name) return deps.store.userByName(name);
  const key = c.req.query('key');
  return key ? deps.store.state.users.find((u) => u.key === key) : undefined;
}

function userMissing(c: SandboxContext): Response {
  const who = c.req.query('accountId') ?? c.req.query('username') ?? c.req.query('key');
  if (!who)
    return errorResponse(400, ['The user must be named by accountId (Cloud) or username (Data Center).']);
  return errorResponse(404, [`The user '${who}' does not exist.`]);
}

function adminOnly(c: SandboxContext): Response | undefined {
  const user = c.get('caller').user;
  if (!user) return notAuthenticated();
  if (!user.admin)
    return errorResponse(403, ['You must have global administrator rights in order to modify users.']);
  return undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
