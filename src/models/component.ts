/** Project components: a project's subdivisions that issues are filed under. */

import { asRecord, str } from './json.js';
import { toUser, type User } from './user.js';

/** Who new issues with a component go to. */
export type ComponentAssigneeType = 'PROJECT_DEFAULT' | 'COMPONENT_LEAD' | 'PROJECT_LEAD' | 'UNASSIGNED';

/** A project component; `raw` is the wire JSON. */
export interface Component {
  id: string;
  name: string;
  description?: string;
  lead?: User;
  assigneeType?: ComponentAssigneeType;
  /** Key of the project it belongs to. */
  project?: string;
  projectId?: number;
  raw: Record<string, unknown>;
}

const ASSIGNEE_TYPES = new Set(['PROJECT_DEFAULT', 'COMPONENT_LEAD', 'PROJECT_LEAD', 'UNASSIGNED']);

/** Convert a wire component (`ProjectComponent`, `ComponentBean`) to a Component. */
export function toComponent(json: unknown): Component {
  const raw = asRecord(json) ?? {};
  const component: Component = { id: str(raw, 'id') ?? '', name: str(raw, 'name') ?? '', raw };
  const description = str(raw, 'description');
  if (description !== undefined) component.description = description;
  if (asRecord(raw.lead)) component.lead = toUser(raw.lead);
  const type = str(raw, 'assigneeType');
  if (type !== undefined && ASSIGNEE_TYPES.has(type)) component.assigneeType = type as ComponentAssigneeType;
  const project = str(raw, 'project');
  if (project !== undefined) component.project = project;
  if (typeof raw.projectId === 'number') component.projectId = raw.projectId;
  return component;
}
