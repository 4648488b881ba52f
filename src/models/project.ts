/** Projects, with their lead, issue types, components and versions when the reply carries them. */

import { type Component, toComponent } from './component.js';
import { asRecord, str } from './json.js';
import { type IssueType, toIssueType } from './reference.js';
import { toUser, type User } from './user.js';
import { toVersion, type Version } from './version.js';

/** A Jira project; lists carry fewer details than `projects.get()`. `raw` is the wire JSON. */
export interface Project {
  id: string;
  key: string;
  name: string;
  description?: string;
  lead?: User;
  /** `software`, `business`, `service_desk`, ... */
  projectTypeKey?: string;
  issueTypes?: IssueType[];
  components?: Component[];
  versions?: Version[];
  raw: Record<string, unknown>;
}

/** Convert a wire project (`Project`, `ProjectBean`) to a Project. */
export function toProject(json: unknown): Project {
  const raw = asRecord(json) ?? {};
  const project: Project = {
    id: str(raw, 'id') ?? '',
    key: str(raw, 'key') ?? '',
    name: str(raw, 'name') ?? '',
    raw,
  };
  const description = str(raw, 'description');
  if (description !== undefined) project.description = description;
  if (asRecord(raw.lead)) project.lead = toUser(raw.lead);
  const type = str(raw, 'projectTypeKey');
  if (type !== undefined) project.projectTypeKey = type;
  if (Array.isArray(raw.issueTypes)) project.issueTypes = raw.issueTypes.map(toIssueType);
  if (Array.isArray(raw.components)) project.components = raw.components.map(toComponent);
  if (Array.isArray(raw.versions)) project.versions = raw.versions.map(toVersion);
  return project;
}
