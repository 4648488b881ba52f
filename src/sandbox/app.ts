/**
 * The sandbox's HTTP application: identifies the caller, adds Jira's response headers, mounts the resource
 * routes under the context path, and answers unknown paths and failures with Jira's error bodies.
 */
import { Hono } from 'hono';
import { AttachmentStore } from './attachment-store.js';
import type { Authenticator, Caller } from './auth.js';
import type { Flavor } from './model.js';
import { gatewaySite } from './oauth/gateway.js';
import type { OAuthServers } from './oauth/index.js';
import { signedFacts } from './oauth/oauth1-provider.js';
import { requiredScope, scopeMismatch } from './oauth/scopes.js';
import { errorResponse, pageNotFound, routeNotFound } from './render/responses.js';
import { registerAttachments } from './routes/attachments.js';
import { registerBulkFetch } from './routes/bulkfetch.js';
import { registerChangelog } from './routes/changelog.js';
import { registerComments } from './routes/comments.js';
import { registerComponents } from './routes/components.js';
import type { RouteDeps, SandboxApp } from './routes/context.js';
import { registerFilters } from './routes/filters.js';
import { registerGroups } from './routes/groups.js';
import { registerIssueLinks } from './routes/issue-links.js';
import { registerIssueProperties } from './routes/issue-properties.js';
import { registerIssueWrites } from './routes/issue-writes.js';
import { registerIssues } from './routes/issues.js';
import { registerMetadata } from './routes/metadata.js';
import { registerMyself } from './routes/myself.js';
import { registerProjects } from './routes/projects.js';
import { registerReference } from './routes/reference.js';
import { registerRemoteLinks } from './routes/remote-links.js';
import { registerSearch } from './routes/search.js';
import { registerServerInfo } from './routes/server-info.js';
import { registerSession } from './routes/session.js';
import { registerTransitions } from './routes/transitions.js';
import { registerUserAdmin } from './routes/user-admin.js';
import { registerUsers } from './routes/users.js';
import { registerVersions } from './routes/versions.js';
import { registerWatchers } from './routes/watchers.js';
import { registerWorklogs } from './routes/worklogs.js';
import type { Store } from './store.js';

export interface AppOptions {
  /** Where attachment bytes are kept (default: in memory, 10 MB limit). */
  attachments?: AttachmentStore;
  flavor: Flavor;
  store: Store;
  auth: Authenticator;
  /** `''` or a path such as `/jira` (leading slash, no trailing slash). */
  contextPath: string;
  /** The OAuth servers, mounted ahead of Jira's authentication. */
  oauth?: OAuthServers;
}

/** Builds the hono app for one sandbox. */
export function createApp(options: AppOptions): SandboxApp {
  const { flavor, auth, contextPath } = options;
  const app: SandboxApp = new Hono({ strict: false });
  let requestCounter = 0;
  // Registered first: the authorization servers answer before Jira's authentication below runs.
  options.oauth?.register(app);

  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const site = gatewaySite(c.req.raw.headers);
    // Through the gateway, returned URLs point back at the gateway, as Atlassian's do.
    const base = `${url.origin}${contextPath}${site === undefined ? '' : `/ex/jira/${encodeURIComponent(site)}`}`;
    requestCounter += 1;
    const requestId = `${minuteOfDay()}x${requestCounter}x1`;
    const signed = /^\s*oauth\s/i.test(c.req.header('authorization') ?? '')
      ? await signedFacts(c.req.raw)
      : undefined;
    const outcome = auth.authenticate(c.req.raw.headers, `${url.origin}${contextPath}`, signed);
    if (!outcome.ok) {
      decorate(outcome.response.headers, requestId);
      return outcome.response;
    }
    const scopes = outcome.caller.scopes;
    if (scopes && !scopes.includes(requiredScope(c.req.method, url.pathname.slice(contextPath.length)))) {
      const refusal = scopeMismatch();
      decorate(refusal.headers, requestId);
      return refusal;
    }
    c.set('base', base);
    c.set('caller', outcome.caller);
    await next();
    const headers = c.res.headers;
    decorate(headers, requestId);
    identify(headers, flavor, outcome.caller);
    if (outcome.caller.newSession && outcome.caller.session) {
      for (const cookie of auth.sessionCookies(outcome.caller.session)) headers.append('Set-Cookie', cookie);
    }
  });

  const deps: RouteDeps = { ...options, path: (route) => `${contextPath}${route}` };
  registerServerInfo(app, deps);
  registerMyself(app, deps);
  registerSession(app, deps);
  registerIssues(app, deps);
  registerComments(app, deps);
  registerTransitions(app, deps);
  registerWorklogs(app, deps);
  registerSearch(app, deps);
  registerBulkFetch(app, deps);
  registerReference(app, deps);
  registerUsers(app, deps);
  registerUserAdmin(app, deps);
  registerGroups(app, deps);
  registerAttachments(app, deps, options.attachments ?? new AttachmentStore());
  registerWatchers(app, deps);
  registerIssueWrites(app, deps);
  registerMetadata(app, deps);
  registerChangelog(app, deps);
  registerFilters(app, deps);
  registerIssueProperties(app, deps);
  registerIssueLinks(app, deps);
  registerRemoteLinks(app, deps);
  registerProjects(app, deps);
  registerComponents(app, deps);
  registerVersions(app, deps);

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    return path.startsWith(`${contextPath}/rest/`) ? routeNotFound(c.req.url) : pageNotFound();
  });
  app.onError((error) => {
    const message = error instanceof Error ? error.message : String(error);
    return errorResponse(500, [`Internal server error: ${message}`]);
  });
  return app;
}

function decorate(headers: Headers, requestId: string): void {
  headers.set('X-AREQUESTID', requestId);
  headers.set('Cache-Control', 'no-cache, no-store, no-transform');
  headers.set('X-Content-Type-Options', 'nosniff');
}

/** Data Center names the caller in X-AUSERNAME (`anonymous` when nobody); Cloud gives the account id. */
function identify(headers: Headers, flavor: Flavor, caller: Caller): void {
  const user = caller.user;
  if (flavor === 'datacenter') {
    headers.set('X-AUSERNAME', user ? encodeURIComponent(user.name) : 'anonymous');
    if (caller.session) headers.set('X-ASESSIONID', caller.session.id.slice(0, 7).toLowerCase());
    if (caller.via === 'basic') headers.set('X-Seraph-LoginReason', 'OK');
  } else if (user) {
    headers.set('X-AACCOUNTID', user.accountId);
  }
}

function minuteOfDay(): number {
  const now = new Date();
  return now.getUTCHours() * 60 + now.getUTCMinutes();
}
