import type { Flavor } from '../model.js';
import type { Store } from '../store.js';

/** The REST API version of a request; Data Center's `latest` renders as `2`. */
export type ApiVersion = '2' | '3';

/** What a renderer needs to know about the request it answers. */
export interface RenderScope {
  flavor: Flavor;
  /** Origin plus context path, without a trailing slash: every returned URL starts with it. */
  base: string;
  version: ApiVersion;
  store: Store;
}

/** `{base}/rest/api/{version}` for the scope. */
export function apiRoot(scope: RenderScope): string {
  return `${scope.base}/rest/api/${scope.version}`;
}
