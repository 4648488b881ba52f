/** `issues.links` and `issues.remoteLinks`, their code loaded on first use. */

import type { JiraCore } from '../client/core.js';
import { deferredMethods } from './deferred.js';
import type { IssueLinksApi } from './issue-links.js';
import type { RemoteLinksApi } from './remote-links.js';

/** The issue links namespace, loaded when a method is first called. */
export function deferredIssueLinks(core: JiraCore): IssueLinksApi {
  const load = async () => (await import('./issue-links.js')).issueLinksApi(core);
  return deferredMethods(load, ['add', 'request', 'get', 'list', 'remove', 'removeAll']);
}

/** The remote links namespace, loaded when a method is first called. */
export function deferredRemoteLinks(core: JiraCore): RemoteLinksApi {
  const load = async () => (await import('./remote-links.js')).remoteLinksApi(core);
  return deferredMethods(load, ['list', 'get', 'add', 'update', 'remove', 'removeByGlobalId']);
}
