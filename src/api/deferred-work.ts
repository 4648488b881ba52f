/** `issues.transitions`, `issues.transition` and `issues.worklogs`, their code loaded on first use. */

import type { JiraCore } from '../client/core.js';
import { deferredIterable, deferredMethods } from './deferred.js';
import type { TransitionOptions, TransitionsApi } from './transitions.js';
import type { WorklogsApi } from './worklogs.js';

/** The transitions namespace, loaded when a method is first called. */
export function deferredTransitions(core: JiraCore): TransitionsApi {
  const load = async () => (await import('./transitions.js')).transitionsApi(core);
  return deferredMethods(load, ['list']);
}

/** `issues.transition(key, idOrName, opts)`, loaded when first called. */
export function deferredTransition(
  core: JiraCore,
): (key: string, transition: string | number, opts?: TransitionOptions) => Promise<void> {
  return async (key, transition, opts) =>
    (await import('./transitions.js')).transitionIssue(core, key, transition, opts);
}

/** The worklogs namespace, loaded when a method is first called. */
export function deferredWorklogs(core: JiraCore): WorklogsApi {
  const load = async () => (await import('./worklogs.js')).worklogsApi(core);
  return {
    ...deferredMethods(load, ['get', 'add', 'update', 'remove']),
    list: deferredIterable(async () => (await load()).list),
  };
}
