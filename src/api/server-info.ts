/** GET /rest/api/2/serverInfo: readable anonymously on both flavors. */

import type { JiraCore } from '../client/core.js';
import type { CallOptions } from '../client/types.js';
import { type ServerInfo, toServerInfo } from '../models/server-info.js';

/** Fetch serverInfo (uncached; the client caches it). */
export async function fetchServerInfo(core: JiraCore, opts?: CallOptions): Promise<ServerInfo> {
  return toServerInfo(await core.send<unknown>({ path: '/rest/api/2/serverInfo' }, opts));
}
