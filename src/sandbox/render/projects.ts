/** Projects, components and versions as Jira's project resources return them, per flavor. */
import type { ComponentRecord, ProjectRecord, UserRecord, VersionRecord } from '../model.js';
import { ISSUE_TYPES } from '../model.js';
import { renderIssueType, renderProjectRef } from './references.js';
import { apiRoot, type RenderScope } from './scope.js';
import { renderUserRef } from './users.js';

/** The expand names each flavor advertises on a project. */
const PROJECT_EXPAND = {
  datacenter: 'description,lead,url,projectKeys',
  cloud: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
} as const;

/** What a project reply includes beyond the short form. */
export interface ProjectDetail {
  /** Everything: the single-project reply. */
  full: boolean;
  /** `expand` names asked for (list replies). */
  expand: ReadonlySet<string>;
}

/** A user as a project or component lead: a trimmed reference (Cloud adds `accountType`). */
export function renderLead(user: UserRecord, scope: RenderScope): Record<string, unknown> {
  const ref = renderUserRef(user, scope);
  if (scope.flavor === 'datacenter') {
    const { self, key, name, avatarUrls, displayName, active } = ref;
    return { self, key, name, avatarUrls, displayName, active };
  }
  const { self, accountId, avatarUrls, displayName, active, accountType } = ref;
  return { self, accountId, avatarUrls, displayName, active, accountType };
}

/** A project: short in lists (plus what `expand` asks for), complete for `GET /project/{key}`. */
export function renderProject(
  project: ProjectRecord,
  scope: RenderScope,
  detail: ProjectDetail,
): Record<string, unknown> {
  const ref = renderProjectRef(project, scope);
  const wants = (name: string) => detail.full || detail.expand.has(name);
  const out: Record<string, unknown> = {
    expand: PROJECT_EXPAND[scope.flavor],
    self: ref.self,
    id: ref.id,
    key: project.key,
  };
  if (wants('description')) out.description = project.description ?? '';
  const lead = scope.store.userByName(project.lead);
  if (wants('lead') && lead) out.lead = renderLead(lead, scope);
  if (detail.full) {
    out.components = (project.components ?? []).map((c) => renderComponent(c, project, scope));
  }
  if (wants('issueTypes')) out.issueTypes = ISSUE_TYPES.map((t) => renderIssueType(t.id, scope));
  if (detail.full) {
    out.assigneeType = 'UNASSIGNED';
    out.versions = (project.versions ?? []).map((v) => renderVersion(v, project, scope));
  }
  out.name = project.name;
  if (detail.full) out.roles = {};
  out.avatarUrls = ref.avatarUrls;
  // Cloud's Project schema has no projectKeys (and forbids extra keys), though `expand` names it.
  if (wants('projectKeys') && scope.flavor === 'datacenter') out.projectKeys = [project.key];
  out.projectTypeKey = project.projectTypeKey;
  if (scope.flavor === 'cloud') {
    out.simplified = false;
    out.style = 'classic';
    out.isPrivate = false;
    out.properties = {};
  } else {
    out.archived = false;
  }
  return out;
}

/** A component; the lead is named the flavor's way (`leadUserName` or `leadAccountId`). */
export function renderComponent(
  component: ComponentRecord,
  project: ProjectRecord,
  scope: RenderScope,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    self: `${apiRoot(scope)}/component/${component.id}`,
    id: String(component.id),
    name: component.name,
    description: component.description,
  };
  const lead = component.lead === undefined ? undefined : scope.store.userByName(component.lead);
  if (lead) {
    out.lead = renderLead(lead, scope);
    if (scope.flavor === 'cloud') out.leadAccountId = lead.accountId;
    else out.leadUserName = lead.name;
  }
  const assigneeType = component.assigneeType ?? 'PROJECT_DEFAULT';
  out.assigneeType = assigneeType;
  out.realAssigneeType = assigneeType === 'COMPONENT_LEAD' && !lead ? 'PROJECT_DEFAULT' : assigneeType;
  out.isAssigneeTypeValid = assigneeType !== 'COMPONENT_LEAD' || lead !== undefined;
  out.project = project.key;
  out.projectId = project.id;
  return out;
}

/** A version with Jira's derived fields: `overdue`, and the display dates `userStartDate`/`userReleaseDate`. */
export function renderVersion(
  version: VersionRecord,
  project: ProjectRecord,
  scope: RenderScope,
  today: string = new Date().toISOString().slice(0, 10),
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    self: `${apiRoot(scope)}/version/${version.id}`,
    id: String(version.id),
  };
  if (version.description) out.description = version.description;
  out.name = version.name;
  out.archived = version.archived;
  out.released = version.released;
  if (version.startDate) out.startDate = version.startDate;
  if (version.releaseDate) {
    out.releaseDate = version.releaseDate;
    if (!version.released) out.overdue = version.releaseDate < today;
  }
  if (version.startDate) out.userStartDate = displayDate(version.startDate);
  if (version.releaseDate) out.userReleaseDate = displayDate(version.releaseDate);
  out.projectId = project.id;
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-01-16` as Jira shows it by default: `16/Jan/26`. */
function displayDate(date: string): string {
  const [year = '', month = '1', day = '1'] = date.split('-');
  return `${Number(day)}/${MONTHS[Number(month) - 1] ?? ''}/${year.slice(2)}`;
}
