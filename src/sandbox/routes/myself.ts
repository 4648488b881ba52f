import { parseExpand } from '../render/field-selection.js';
import { jsonResponse, notAuthenticated } from '../render/responses.js';
import { renderMyself } from '../render/users.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';

/** `GET /rest/api/{v}/myself`: the signed-in user; 401 for anonymous callers. */
export function registerMyself(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    app.get(deps.path(`/rest/api/${version}/myself`), (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const expand = parseExpand(c.req.queries('expand'));
      return jsonResponse(200, renderMyself(user, scopeFor(c, deps, version), expand));
    });
  }
}
