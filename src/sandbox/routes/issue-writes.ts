import { recordChange } from '../changelog-writer.js';
import { newIssueRecord, projectByIdOrKey } from '../issue-draft.js';
import { type Edit, readEdits } from '../issue-input.js';
import { type InputScope, readIssueType, readUser } from '../issue-values.js';
import { ISSUE_TYPES, type IssueRecord, type ProjectRecord } from '../model.js';
import { canBrowse, canDelete, canEdit } from '../permissions.js';
import { errorResponse, HTML_TYPE, issueNotFound, jsonResponse } from '../render/responses.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext } from './context.js';

/**
 * Issue writes at `/rest/api/{v}/issue[/{idOrKey}[/assignee]]`: create (201 `{id,key,self}`), edit and
 * assign (204), delete (204). Rich text arrives as ADF on Cloud v3 and wiki markup on v2.
 */
export function registerIssueWrites(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const root = deps.path(`/rest/api/${version}/issue`);
    const one = `${root}/:idOrKey`;
    const adf = version === '3';

    app.post(root, async (c) => {
      const user = c.get('caller').user;
      const body = asRecord(await jsonBody(c));
      const fields = asRecord(body.fields);
      const project = projectByIdOrKey(deps.store, fields.project);
      if (!project || !canBrowse(user, project)) {
        return errorResponse(400, [], {
          project: deps.flavor === 'cloud' ? 'Specify a valid project ID or key' : `project is required`,
        });
      }
      if (!user || !canEdit(user, project)) {
        // Cloud answers 403; Data Center documents only 400 and names the project field.
        const sentence = 'You do not have permission to create issues in this project.';
        return deps.flavor === 'cloud'
          ? errorResponse(403, [sentence])
          : errorResponse(400, [], { project: sentence });
      }
      const scope: InputScope = { store: deps.store, flavor: deps.flavor, adf, project };
      const type = readIssueType(scope, fields.issuetype);
      if (!type.ok) return errorResponse(400, [], { issuetype: type.error });
      const draft = newIssueRecord(project, type.value, user.name);
      const read = readEdits(scope, draft, body);
      if (!('summary' in fields) && !('summary' in asRecord(body.update)))
        read.errors.summary = 'You must specify a summary of the issue.';
      const subtask = ISSUE_TYPES.find((t) => t.id === type.value)?.subtask === true;
      if (subtask && !('parent' in fields))
        read.errors.parent = 'Issue type is a sub-task but parent issue key or id not specified.';
      if (Object.keys(read.errors).length > 0) return errorResponse(400, [], read.errors);
      // Taken only now, so refused requests use no key and no id.
      draft.id = deps.store.nextId();
      draft.key = `${project.key}-${project.counter}`;
      project.counter += 1;
      applyAll(read.edits, draft);
      addComments(deps, draft, user.name, read.comments);
      const properties = createProperties(body.properties);
      if (properties) draft.properties = properties;
      deps.store.state.issues.push(draft);
      deps.store.commit();
      const self = `${c.get('base')}/rest/api/${version === 'latest' ? '2' : version}/issue/${draft.id}`;
      return jsonResponse(201, { id: String(draft.id), key: draft.key, self });
    });

    app.put(one, async (c) => {
      const found = editable(c, deps);
      if (found instanceof Response) return found;
      const { issue, project, user } = found;
      const scope: InputScope = { store: deps.store, flavor: deps.flavor, adf, project };
      const read = readEdits(scope, issue, asRecord(await jsonBody(c)));
      if (Object.keys(read.errors).length > 0) return errorResponse(400, [], read.errors);
      const items = applyAll(read.edits, issue);
      recordChange(deps.store, issue, user, items);
      addComments(deps, issue, user, read.comments);
      deps.store.commit();
      return noContent(deps);
    });

    app.put(`${one}/assignee`, async (c) => {
      const found = editable(c, deps);
      if (found instanceof Response) return found;
      const { issue, project, user } = found;
      const scope: InputScope = { store: deps.store, flavor: deps.flavor, adf, project };
      const who = readUser(scope, await jsonBody(c), true);
      if (!who.ok) return errorResponse(400, [], { assignee: who.error });
      const read = readEdits(scope, issue, { fields: { assignee: assigneeRef(deps, who.value?.name) } });
      recordChange(deps.store, issue, user, applyAll(read.edits, issue));
      deps.store.commit();
      return noContent(deps);
    });

    app.delete(one, (c) => {
      const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
      const user = c.get('caller').user;
      const project = issue ? deps.store.project(issue.projectKey) : undefined;
      if (!issue || !canBrowse(user, project)) return issueNotFound(deps.flavor);
      if (!canDelete(user, project))
        return errorResponse(403, ['You do not have permission to delete issues in this project.']);
      const subtasks = deps.store.subtasksOf(issue.key);
      if (subtasks.length > 0 && c.req.query('deleteSubtasks') !== 'true') {
        return errorResponse(400, [
          `The issue '${issue.key}' has subtasks.  You must specify the 'deleteSubtasks' parameter to delete this issue and all its subtasks.`,
        ]);
      }
      const gone = new Set<IssueRecord>([issue, ...subtasks]);
      deps.store.state.issues = deps.store.state.issues.filter((i) => !gone.has(i));
      // Links die with either end, as in Jira.
      const ids = new Set([...gone].map((i) => i.id));
      const links = deps.store.state.issueLinks;
      if (links)
        deps.store.state.issueLinks = links.filter((l) => !ids.has(l.sourceId) && !ids.has(l.destinationId));
      deps.store.commit();
      return noContent(deps);
    });
  }
}

/** The issue of the request when the caller may edit it, else the reply (404 hidden, 403 not allowed). */
function editable(
  c: SandboxContext,
  deps: RouteDeps,
): { issue: IssueRecord; project: ProjectRecord; user: string } | Response {
  const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
  const user = c.get('caller').user;
  const project = issue ? deps.store.project(issue.projectKey) : undefined;
  if (!issue || !project || !user || !canBrowse(user, project)) return issueNotFound(deps.flavor);
  if (!canEdit(user, project))
    return errorResponse(403, ['You do not have permission to edit issues in this project.']);
  return { issue, project, user: user.name };
}

function applyAll(edits: readonly Edit[], issue: IssueRecord) {
  return edits.flatMap((edit) => edit(issue));
}

function addComments(deps: RouteDeps, issue: IssueRecord, author: string, bodies: readonly string[]): void {
  for (const body of bodies) {
    const now = new Date().toISOString();
    issue.comments.push({ id: deps.store.nextId(), author, body, created: now, updated: now });
    if (now > issue.updated) issue.updated = now;
  }
}

/** The resolved assignee as the flavor's reference, for the shared user edit. */
function assigneeRef(deps: RouteDeps, name: string | undefined): unknown {
  if (name === undefined) return null;
  const user = deps.store.userByName(name);
  return deps.flavor === 'cloud' ? { accountId: user?.accountId } : { name };
}

/** Data Center sends its empty 204s as HTML; Cloud sends no content type. */
function noContent(deps: RouteDeps): Response {
  const headers: Record<string, string> = deps.flavor === 'datacenter' ? { 'Content-Type': HTML_TYPE } : {};
  return new Response(null, { status: 204, headers });
}

async function jsonBody(c: SandboxContext): Promise<unknown> {
  return c.req.json().catch(() => undefined);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Entity properties set with the create (`properties: [{ key, value }]`, as Jira takes them). */
function createProperties(raw: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(raw)) return undefined;
  const properties: Record<string, unknown> = {};
  for (const entry of raw) {
    const { key, value } = asRecord(entry);
    if (typeof key !== 'string' || key === '' || value === undefined) continue;
    Object.defineProperty(properties, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(properties).length > 0 ? properties : undefined;
}
