/** GET /rest/api/2/myself: the signed-in user (401 when anonymous). */

import type { InternalCallOptions, JiraCore } from '../client/core.js';
import { toUser, type User } from '../models/user.js';

/** The user the call is authenticated as. */
export async function fetchMyself(core: JiraCore, opts?: InternalCallOptions): Promise<User> {
  return toUser(await core.send<unknown>({ path: '/rest/api/2/myself' }, opts));
}
