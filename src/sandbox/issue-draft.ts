/** New issues before they are stored: the project a create request names, and the record with defaults. */
import type { IssueRecord, ProjectRecord } from './model.js';
import type { Store } from './store.js';
import { initialStatusId } from './workflows.js';

const MEDIUM = '3';

/** The project of `fields.project`: `{key}`, `{id}` (numeric, as string or number) or a bare key/id string. */
export function projectByIdOrKey(store: Store, value: unknown): ProjectRecord | undefined {
  const ref =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : { key: value };
  const key = ref.key ?? ref.id;
  if (typeof key !== 'string' && typeof key !== 'number') return undefined;
  const text = String(key);
  if (/^\d+$/.test(text)) return store.state.projects.find((p) => String(p.id) === text);
  return store.project(text);
}

/**
 * A new issue record in its workflow's first status with the caller as creator and reporter. Id and key stay unset (0 and '') until
 * the request has been accepted, so a refused create spends neither.
 */
export function newIssueRecord(project: ProjectRecord, issueTypeId: string, caller: string): IssueRecord {
  const now = new Date().toISOString();
  return {
    id: 0,
    key: '',
    projectKey: project.key,
    issueTypeId,
    summary: '',
    description: null,
    statusId: initialStatusId(issueTypeId),
    priorityId: MEDIUM,
    resolutionId: null,
    assignee: null,
    reporter: caller,
    creator: caller,
    labels: [],
    components: [],
    fixVersions: [],
    parentKey: null,
    created: now,
    updated: now,
    resolutiondate: null,
    duedate: null,
    comments: [],
    changelog: [],
    customFields: {},
  };
}
