/** `issues.attachments` and `issues.watchers`, their code (and node:fs) loaded on first use. */

import type { JiraCore } from '../client/core.js';
import type { AttachmentsApi } from './attachments.js';
import { deferredMethods } from './deferred.js';
import type { WatchersApi } from './watchers.js';

/** The attachments namespace, loaded when a method is first called. */
export function deferredAttachments(core: JiraCore): AttachmentsApi {
  const load = async () => (await import('./attachments.js')).attachmentsApi(core);
  return deferredMethods(load, ['add', 'list', 'get', 'download', 'remove']);
}

/** The watchers namespace, loaded when a method is first called. */
export function deferredWatchers(core: JiraCore): WatchersApi {
  const load = async () => (await import('./watchers.js')).watchersApi(core);
  return deferredMethods(load, ['list', 'add', 'remove']);
}
