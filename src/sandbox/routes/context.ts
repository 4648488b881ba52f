import type { Context, Hono } from 'hono';
import type { Authenticator, Caller } from '../auth.js';
import type { Flavor } from '../model.js';
import type { ApiVersion, RenderScope } from '../render/scope.js';
import type { Store } from '../store.js';

/** Per-request values the middleware sets for handlers. */
export interface SandboxEnv {
  Variables: {
    caller: Caller;
    /** Origin plus context path of this request. */
    base: string;
  };
}

export type SandboxApp = Hono<SandboxEnv>;
export type SandboxContext = Context<SandboxEnv>;

/** What every route module is given. */
export interface RouteDeps {
  flavor: Flavor;
  store: Store;
  auth: Authenticator;
  /** Prefixes a route path with the context path. */
  path(route: string): string;
}

/** The `/rest/api/{version}` segments served on a flavor: Cloud has 2 and 3, Data Center 2 and latest. */
export function apiVersions(flavor: Flavor): readonly string[] {
  return flavor === 'cloud' ? ['2', '3'] : ['2', 'latest'];
}

/** The scope renderers need for a request to `/rest/api/{segment}`. */
export function scopeFor(c: SandboxContext, deps: RouteDeps, segment: string): RenderScope {
  const version: ApiVersion = segment === '3' ? '3' : '2';
  return { flavor: deps.flavor, base: c.get('base'), version, store: deps.store };
}
