import { type ChangeItem, changeItem, recordChange } from '../changelog-writer.js';
import { type Edit, readEdits } from '../issue-input.js';
import type { InputScope } from '../issue-values.js';
import { type IssueRecord, RESOLUTIONS, STATUSES } from '../model.js';
import { canBrowse, canEdit } from '../permissions.js';
import { errorResponse, HTML_TYPE, issueNotFound, jsonResponse } from '../render/responses.js';
import { renderTransitions } from '../render/transitions.js';
import { isDoneStatus, type TransitionDef, transitionsFor } from '../workflows.js';
import {
  loggedSeconds,
  newWorklog,
  readWorklogBody,
  recordTimeChange,
  type WorklogInput,
} from '../worklog-input.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';

const DEFAULT_RESOLUTION = '10000';
const NOT_ON_SCREEN = "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.";

/**
 * Transitions at `/rest/api/{v}/issue/{idOrKey}/transitions`: GET lists those available from the issue's
 * status (per issue type workflow); POST performs one (204) with optional `fields` (resolution, assignee, ...)
 * and `update` (comment and worklog additions). Entering a done status sets the resolution; leaving clears it.
 */
export function registerTransitions(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const path = deps.path(`/rest/api/${version}/issue/:idOrKey/transitions`);
    const adf = version === '3';

    app.get(path, (c) => {
      const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
      const user = c.get('caller').user;
      if (!issue || !canBrowse(user, deps.store.project(issue.projectKey))) return issueNotFound(deps.flavor);
      const expand = (c.req.queries('expand') ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
      const onlyId = c.req.query('transitionId');
      const transitions = renderTransitions(issue, scopeFor(c, deps, version), {
        withFields: expand.includes('transitions.fields'),
        ...(onlyId === undefined ? {} : { onlyId }),
      });
      return jsonResponse(200, { expand: 'transitions', transitions });
    });

    app.post(path, async (c) => {
      const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
      const user = c.get('caller').user;
      const project = issue ? deps.store.project(issue.projectKey) : undefined;
      if (!issue || !project || !user || !canBrowse(user, project)) return issueNotFound(deps.flavor);
      if (!canEdit(user, project))
        return errorResponse(403, ['You do not have permission to transition this issue.']);
      const body = asRecord(await c.req.json().catch(() => undefined));
      const wanted = asRecord(body.transition).id;
      if (wanted === undefined) return errorResponse(400, ["Missing 'transition' identifier"]);
      const transition = transitionsFor(issue.issueTypeId, issue.statusId).find(
        (t) => t.id === String(wanted),
      );
      if (!transition)
        return errorResponse(400, [`Transition id '${String(wanted)}' is not valid for this issue.`]);

      const { resolution: rawResolution, ...fields } = asRecord(body.fields);
      const { worklog: rawWorklogs, ...update } = asRecord(body.update);
      const errors: Record<string, string> = {};
      const resolutionId = readResolution(rawResolution, transition, issue.resolutionId, errors);
      const worklogs = readWorklogs(rawWorklogs, adf, errors);
      const scope: InputScope = { store: deps.store, flavor: deps.flavor, adf, project };
      const read = readEdits(scope, issue, { fields, update });
      Object.assign(errors, read.errors);
      if (Object.keys(errors).length > 0) return errorResponse(400, [], errors);

      const items = [...moveTo(issue, transition, resolutionId), ...applyAll(read.edits, issue)];
      recordChange(deps.store, issue, user.name, items);
      for (const text of read.comments) {
        const now = new Date().toISOString();
        issue.comments.push({
          id: deps.store.nextId(),
          author: user.name,
          body: text,
          created: now,
          updated: now,
        });
      }
      for (const input of worklogs) {
        const before = loggedSeconds(issue);
        const worklog = newWorklog(deps.store, user.name, input);
        issue.worklogs = [...(issue.worklogs ?? []), worklog];
        recordTimeChange(deps.store, issue, user.name, before, worklog.timeSpentSeconds, { mode: 'auto' });
      }
      deps.store.commit();
      // Data Center sends its empty 204s as HTML; Cloud sends no content type.
      const headers: Record<string, string> =
        deps.flavor === 'datacenter' ? { 'Content-Type': HTML_TYPE } : {};
      return new Response(null, { status: 204, headers });
    });
  }
}

/**
 * The resolution a transition sets: the one given (by name, case-sensitive as in Jira, or id), else Done when
 * entering a done status (an issue already resolved keeps its own); null when leaving done. Undefined when the transition leaves it alone.
 */
function readResolution(
  raw: unknown,
  transition: TransitionDef,
  current: string | null,
  errors: Record<string, string>,
): string | null | undefined {
  const entering = isDoneStatus(transition.toStatusId);
  if (raw === undefined || raw === null) return entering ? (current ?? DEFAULT_RESOLUTION) : null;
  if (!entering) {
    errors.resolution = NOT_ON_SCREEN;
    return undefined;
  }
  const ref = asRecord(raw);
  const found = RESOLUTIONS.find((r) =>
    ref.id !== undefined ? r.id === String(ref.id) : r.name === (typeof raw === 'string' ? raw : ref.name),
  );
  if (!found) errors.resolution = 'Resolution is not valid.';
  return found?.id;
}

function readWorklogs(raw: unknown, adf: boolean, errors: Record<string, string>): WorklogInput[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.worklog = "Field 'worklog' expects a list of operations.";
    return [];
  }
  const out: WorklogInput[] = [];
  for (const entry of raw) {
    const add = asRecord(entry).add;
    if (add === undefined) {
      errors.worklog = 'Only adding a worklog is supported during a transition.';
      continue;
    }
    const parsed = readWorklogBody(add, adf, true);
    if (parsed.ok) out.push(parsed.input);
    else Object.assign(errors, parsed.errors);
  }
  return out;
}

/** Moves the issue to the transition's status and sets or clears the resolution; returns the changelog items. */
function moveTo(
  issue: IssueRecord,
  transition: TransitionDef,
  resolutionId: string | null | undefined,
): ChangeItem[] {
  const items: ChangeItem[] = [];
  const nameOf = (id: string) => STATUSES.find((s) => s.id === id)?.name ?? id;
  if (transition.toStatusId !== issue.statusId) {
    items.push(
      changeItem(
        'status',
        { id: issue.statusId, text: nameOf(issue.statusId) },
        { id: transition.toStatusId, text: nameOf(transition.toStatusId) },
      ),
    );
    issue.statusId = transition.toStatusId;
  }
  if (resolutionId !== undefined && resolutionId !== issue.resolutionId) {
    const resolutionName = (id: string | null) => RESOLUTIONS.find((r) => r.id === id)?.name ?? null;
    items.push(
      changeItem(
        'resolution',
        { id: issue.resolutionId, text: resolutionName(issue.resolutionId) },
        { id: resolutionId, text: resolutionName(resolutionId) },
      ),
    );
    issue.resolutionId = resolutionId;
    issue.resolutiondate = resolutionId === null ? null : new Date().toISOString();
  }
  return items;
}

function applyAll(edits: readonly Edit[], issue: IssueRecord): ChangeItem[] {
  return edits.flatMap((edit) => edit(issue));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
