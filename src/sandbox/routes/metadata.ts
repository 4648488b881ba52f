import { projectByIdOrKey } from '../issue-draft.js';
import { ISSUE_TYPES } from '../model.js';
import { canBrowse, canEdit } from '../permissions.js';
import { createMetaFields, editMetaFields } from '../render/field-meta.js';
import { renderIssueType } from '../render/references.js';
import { errorResponse, issueNotFound, jsonResponse } from '../render/responses.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

const DEFAULT_PAGE = 50;

/**
 * Create and edit metadata: `GET /rest/api/{v}/issue/createmeta/{project}/issuetypes[/{typeId}]` (pages:
 * Data Center `{…,isLast,values}`, Cloud `{…,issueTypes}` / `{…,fields}`) and `GET /issue/{idOrKey}/editmeta`.
 */
export function registerMetadata(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const types = deps.path(`/rest/api/${version}/issue/createmeta/:project/issuetypes`);

    app.get(types, (c) => {
      const project = creatable(c, deps);
      if (project instanceof Response) return project;
      const scope = scopeFor(c, deps, version);
      const items = ISSUE_TYPES.map((t) => renderIssueType(t.id, scope));
      return jsonResponse(200, page(c, deps, items, 'issueTypes'));
    });

    app.get(`${types}/:typeId`, (c) => {
      const project = creatable(c, deps);
      if (project instanceof Response) return project;
      const typeId = c.req.param('typeId');
      if (!ISSUE_TYPES.some((t) => t.id === typeId))
        return errorResponse(400, [`Issue type with id '${typeId}' does not exist.`]);
      const items = createMetaFields(project, typeId, scopeFor(c, deps, version));
      return jsonResponse(200, page(c, deps, items, 'fields'));
    });

    app.get(deps.path(`/rest/api/${version}/issue/:idOrKey/editmeta`), (c) => {
      const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
      const user = c.get('caller').user;
      const project = issue ? deps.store.project(issue.projectKey) : undefined;
      if (!issue || !project || !canBrowse(user, project)) return issueNotFound(deps.flavor);
      // Jira answers with an empty screen when the caller may look but not edit.
      const fields = canEdit(user, project) ? editMetaFields(project, scopeFor(c, deps, version)) : {};
      return jsonResponse(200, { fields });
    });
  }
}

/** The project of the path when the caller may create issues in it, else Jira's 400 / 403. */
function creatable(c: SandboxContext, deps: RouteDeps) {
  const project = projectByIdOrKey(deps.store, c.req.param('project'));
  const user = c.get('caller').user;
  if (!project || !canBrowse(user, project)) {
    return errorResponse(400, [`No project could be found with key '${c.req.param('project') ?? ''}'.`]);
  }
  // Both documents list only 400 here, for any project the caller may not create issues in.
  if (!canEdit(user, project))
    return errorResponse(400, ['You do not have permission to create issues in this project.']);
  return project;
}

/** One page of `items`, in the flavor's envelope. */
function page(c: SandboxContext, deps: RouteDeps, items: unknown[], cloudKey: 'issueTypes' | 'fields') {
  const startAt = count(c.req.query('startAt'), 0);
  const maxResults = Math.max(1, count(c.req.query('maxResults'), DEFAULT_PAGE));
  const slice = items.slice(startAt, startAt + maxResults);
  const envelope = { maxResults, startAt, total: items.length };
  if (deps.flavor === 'cloud') return { ...envelope, [cloudKey]: slice };
  return { ...envelope, isLast: startAt + slice.length >= items.length, values: slice };
}

function count(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
}
