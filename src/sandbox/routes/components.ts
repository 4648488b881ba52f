/**
 * Components: `GET/POST /component`, `GET/PUT/DELETE /component/{id}`. Changes need a project administrator
 * (403 otherwise); a project the caller cannot browse is 404. Issues store component names, so a rename
 * renames them in issues, and a delete moves issues to `moveIssuesTo` or drops the component from them.
 */
import { renameInIssues, replaceInIssues } from '../issue-list-moves.js';
import type { ComponentRecord, ProjectRecord, UserRecord } from '../model.js';
import { canBrowse, isProjectAdmin } from '../permissions.js';
import { findComponent, nextComponentId, projectNotFound, visibleProject } from '../project-lookup.js';
import { renderComponent } from '../render/projects.js';
import { errorResponse, jsonResponse, notAuthenticated } from '../render/responses.js';
import { userFromString } from '../user-input.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

const ASSIGNEE_TYPES = new Set(['PROJECT_DEFAULT', 'COMPONENT_LEAD', 'PROJECT_LEAD', 'UNASSIGNED']);
const NO_ADMIN = 'You cannot edit the configuration of this project.';

type Found = { project: ProjectRecord; component: ComponentRecord; user: UserRecord };

/** Registers the component routes. */
export function registerComponents(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const root = deps.path(`/rest/api/${version}/component`);

    app.get(`${root}/:id`, (c) => {
      const found = componentOf(c, deps);
      if (found instanceof Response) return found;
      return jsonResponse(200, renderComponent(found.component, found.project, scopeFor(c, deps, version)));
    });

    app.post(root, async (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const body = await bodyOf(c);
      const key = typeof body.project === 'string' ? body.project : String(body.projectId ?? '');
      if (key === '') return errorResponse(400, [], { project: 'The project is required.' });
      const project = visibleProject(deps.store, user, key);
      if (!project) return projectNotFound(key);
      if (!isProjectAdmin(user, project)) return errorResponse(403, [NO_ADMIN]);
      const component: ComponentRecord = { id: nextComponentId(deps.store), name: '', description: '' };
      const problem = apply(deps, project, component, body, true);
      if (problem) return problem;
      project.components = [...(project.components ?? []), component];
      deps.store.commit();
      return jsonResponse(201, renderComponent(component, project, scopeFor(c, deps, version)));
    });

    app.put(`${root}/:id`, async (c) => {
      const found = componentOf(c, deps, true);
      if (found instanceof Response) return found;
      const { project, component } = found;
      const before = component.name;
      const draft = { ...component };
      const problem = apply(deps, project, draft, await bodyOf(c), false);
      if (problem) return problem;
      Object.assign(component, draft);
      if (draft.lead === undefined) delete component.lead;
      if (component.name !== before)
        renameInIssues(deps.store, project, 'components', before, component.name);
      deps.store.commit();
      return jsonResponse(200, renderComponent(component, project, scopeFor(c, deps, version)));
    });

    app.delete(`${root}/:id`, (c) => {
      const found = componentOf(c, deps, true);
      if (found instanceof Response) return found;
      const { project, component, user } = found;
      const moveTo = c.req.query('moveIssuesTo');
      let target: ComponentRecord | undefined;
      if (moveTo !== undefined && moveTo !== '') {
        target = project.components?.find((x) => String(x.id) === moveTo && x !== component);
        if (!target) {
          return errorResponse(400, [
            `The component with id ${moveTo} does not exist in project ${project.key}.`,
          ]);
        }
      }
      replaceInIssues(deps.store, project, 'components', component, target, user.name);
      project.components = (project.components ?? []).filter((x) => x !== component);
      deps.store.commit();
      return new Response(null, { status: 204 });
    });
  }
}

/** Copies the body's fields onto `component`, or answers why not (nothing is changed then). */
function apply(
  deps: RouteDeps,
  project: ProjectRecord,
  component: ComponentRecord,
  body: Record<string, unknown>,
  creating: boolean,
): Response | undefined {
  if (creating || 'name' in body) {
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (name === '') return errorResponse(400, [], { name: 'The component name must not be empty.' });
    if (name.length > 255) return errorResponse(400, [], { name: 'The component name is too long.' });
    const clash = (project.components ?? []).some(
      (x) => x.id !== component.id && x.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) {
      return errorResponse(400, [], {
        name: `A component with the name ${name} already exists in this project.`,
      });
    }
    component.name = name;
  }
  if ('description' in body)
    component.description = typeof body.description === 'string' ? body.description : '';
  const leadKey = deps.flavor === 'cloud' ? 'leadAccountId' : 'leadUserName';
  if (leadKey in body) {
    const raw = body[leadKey];
    if (raw === null || raw === '') delete component.lead;
    else {
      const lead = typeof raw === 'string' ? userFromString(deps.store, deps.flavor, raw) : undefined;
      if (!lead?.active)
        return errorResponse(400, [], { [leadKey]: `The user ${String(raw)} does not exist.` });
      component.lead = lead.name;
    }
  }
  if ('assigneeType' in body) {
    const type = body.assigneeType;
    if (typeof type !== 'string' || !ASSIGNEE_TYPES.has(type)) {
      return errorResponse(400, [], { assigneeType: `Invalid assignee type '${String(type)}'.` });
    }
    component.assigneeType = type as NonNullable<ComponentRecord['assigneeType']>;
  }
  return undefined;
}

/** The component in the path when the caller may see it (and administer it, for changes). */
function componentOf(c: SandboxContext, deps: RouteDeps, change = false): Found | Response {
  const user = c.get('caller').user;
  if (!user) return notAuthenticated();
  const id = c.req.param('id') ?? '';
  const found = findComponent(deps.store, id);
  if (!found || !canBrowse(user, found.project)) {
    return errorResponse(404, [`The component with id ${id} does not exist.`]);
  }
  if (change && !isProjectAdmin(user, found.project)) return errorResponse(403, [NO_ADMIN]);
  return { ...found, user };
}

async function bodyOf(c: SandboxContext): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => null);
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
