/** Reference data as Jira embeds it in issues: status, issue type, priority, resolution, project, versions. */
import type { ProjectRecord } from '../model.js';
import { ISSUE_TYPES, PRIORITIES, RESOLUTIONS, STATUS_CATEGORIES, STATUSES } from '../model.js';
import { apiRoot, type RenderScope } from './scope.js';

/** Avatar ids of the issue types drawn from avatars (Epic and Story use SVG icons instead). */
const TYPE_AVATARS: Readonly<Record<string, number>> = { '10002': 10318, '10003': 10316, '10004': 10303 };

/** Status with its category; DC 10 and Cloud differ only in the category colour names. */
export function renderStatus(statusId: string, scope: RenderScope): Record<string, unknown> | null {
  const status = STATUSES.find((s) => s.id === statusId);
  if (!status) return null;
  const category = STATUS_CATEGORIES.find((c) => c.id === status.categoryId);
  return {
    self: `${apiRoot(scope)}/status/${status.id}`,
    description: status.description,
    iconUrl:
      category?.key === 'indeterminate'
        ? `${scope.base}/images/icons/statuses/inprogress.png`
        : `${scope.base}/`,
    name: status.name,
    id: status.id,
    statusCategory: category
      ? {
          self: `${apiRoot(scope)}/statuscategory/${category.id}`,
          id: category.id,
          key: category.key,
          colorName: category.colorName[scope.flavor],
          name: category.name,
        }
      : null,
  };
}

/** Issue type; Cloud adds `hierarchyLevel`, Data Center gives Task/Bug/Sub-task an `avatarId`. */
export function renderIssueType(typeId: string, scope: RenderScope): Record<string, unknown> | null {
  const type = ISSUE_TYPES.find((t) => t.id === typeId);
  if (!type) return null;
  const avatarId = TYPE_AVATARS[type.id];
  const iconUrl =
    avatarId === undefined
      ? `${scope.base}/images/icons/issuetypes/${type.name.toLowerCase()}.svg`
      : `${scope.base}/secure/viewavatar?size=xsmall&avatarId=${avatarId}&avatarType=issuetype`;
  const out: Record<string, unknown> = {
    self: `${apiRoot(scope)}/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl,
    name: type.name,
    subtask: type.subtask,
  };
  if (avatarId !== undefined) out.avatarId = avatarId;
  if (scope.flavor === 'cloud') out.hierarchyLevel = type.hierarchyLevel;
  return out;
}

/** Priority; Cloud uses the `_new` icon set. */
export function renderPriority(
  priorityId: string | null,
  scope: RenderScope,
): Record<string, unknown> | null {
  const priority = PRIORITIES.find((p) => p.id === priorityId);
  if (!priority) return null;
  const icon = `${priority.name.toLowerCase()}${scope.flavor === 'cloud' ? '_new' : ''}.svg`;
  return {
    self: `${apiRoot(scope)}/priority/${priority.id}`,
    iconUrl: `${scope.base}/images/icons/priorities/${icon}`,
    name: priority.name,
    id: priority.id,
  };
}

/** Resolution, or null when unresolved. */
export function renderResolution(
  resolutionId: string | null,
  scope: RenderScope,
): Record<string, unknown> | null {
  const resolution = RESOLUTIONS.find((r) => r.id === resolutionId);
  if (!resolution) return null;
  return {
    self: `${apiRoot(scope)}/resolution/${resolution.id}`,
    id: resolution.id,
    description: resolution.description,
    name: resolution.name,
  };
}

/** The short project of issue fields; Cloud adds `simplified` (company-managed: false). */
export function renderProjectRef(project: ProjectRecord, scope: RenderScope): Record<string, unknown> {
  const out: Record<string, unknown> = {
    self: `${apiRoot(scope)}/project/${project.id}`,
    id: String(project.id),
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
  };
  if (scope.flavor === 'cloud') out.simplified = false;
  out.avatarUrls = projectAvatars(project, scope);
  return out;
}

/** Components of an issue, by name, resolved against the project's component list. */
export function renderComponents(
  names: readonly string[],
  project: ProjectRecord | undefined,
  scope: RenderScope,
): Record<string, unknown>[] {
  return names.map((name) => {
    const component = project?.components?.find((c) => c.name === name);
    if (!component) return { name };
    return {
      self: `${apiRoot(scope)}/component/${component.id}`,
      id: String(component.id),
      name: component.name,
      description: component.description,
    };
  });
}

/** Versions of an issue, by name, resolved against the project's versions. */
export function renderVersions(
  names: readonly string[],
  project: ProjectRecord | undefined,
  scope: RenderScope,
): Record<string, unknown>[] {
  return names.map((name) => {
    const version = project?.versions?.find((v) => v.name === name);
    if (!version) return { name };
    const out: Record<string, unknown> = {
      self: `${apiRoot(scope)}/version/${version.id}`,
      id: String(version.id),
      name: version.name,
      archived: version.archived,
      released: version.released,
    };
    if (version.releaseDate !== null) out.releaseDate = version.releaseDate;
    return out;
  });
}

function projectAvatars(project: ProjectRecord, scope: RenderScope): Record<string, string> {
  const sizes = [
    ['48x48', ''],
    ['24x24', 'small'],
    ['16x16', 'xsmall'],
    ['32x32', 'medium'],
  ] as const;
  const out: Record<string, string> = {};
  for (const [label, size] of sizes) {
    if (scope.flavor === 'datacenter') {
      const sizePart = size === '' ? '' : `size=${size}&s=${size}&`;
      out[label] = `${scope.base}/secure/projectavatar?${sizePart}pid=${project.id}&avatarId=10324`;
    } else {
      const sizePart = size === '' ? '' : `?size=${size}`;
      out[label] =
        `${scope.base}/rest/api/${scope.version}/universal_avatar/view/type/project/avatar/10424${sizePart}`;
    }
  }
  return out;
}
