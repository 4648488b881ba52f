/**
 * Project roles, minimal: `GET /project/{idOrKey}/role` (role name to role URL, as Jira sends it) and
 * `GET /project/{idOrKey}/role/{id}`, enough to name a role in a filter's project-role share.
 */
import { PROJECT_ROLES, projectRole } from '../filter-access.js';
import { projectNotFound, visibleProject } from '../project-lookup.js';
import { renderRole } from '../render/filters.js';
import { errorResponse, jsonResponse, notAuthenticated } from '../render/responses.js';
import { apiRoot } from '../render/scope.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';

/** Mounts the project role routes on every API version of the flavor. */
export function registerProjectRoles(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const root = deps.path(`/rest/api/${version}/project/:idOrKey/role`);

    app.get(root, (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const idOrKey = c.req.param('idOrKey') ?? '';
      const project = visibleProject(deps.store, user, idOrKey);
      if (!project) return projectNotFound(idOrKey);
      const scope = scopeFor(c, deps, version);
      const roles = Object.fromEntries(
        PROJECT_ROLES.map((r) => [r.name, `${apiRoot(scope)}/project/${project.id}/role/${r.id}`]),
      );
      return jsonResponse(200, roles);
    });

    app.get(`${root}/:roleId`, (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const idOrKey = c.req.param('idOrKey') ?? '';
      const project = visibleProject(deps.store, user, idOrKey);
      if (!project) return projectNotFound(idOrKey);
      const role = /^\d+$/.test(c.req.param('roleId') ?? '')
        ? projectRole(Number(c.req.param('roleId') ?? ''))
        : undefined;
      if (!role) return errorResponse(404, [`Can not retrieve a role actor for a null project role.`]);
      const scope = scopeFor(c, deps, version);
      return jsonResponse(200, renderRole(role.id, role.name, role.description, project.id, scope));
    });
  }
}
