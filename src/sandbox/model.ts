/**
 * The sandbox's stored state: flavor-neutral records. Routes render them per flavor (Cloud or Data Center)
 * and API version; the JQL evaluator reads them. Rich text is stored as Markdown and converted on the way out.
 */
export type Flavor = 'cloud' | 'datacenter';

export interface UserRecord {
  /** Data Center user name (login), also the seed's handle: `admin`, `alice`, `bob`. */
  name: string;
  /** Data Center user key, `JIRAUSER10000`-style. */
  key: string;
  /** Cloud account id (24 hex digits). */
  accountId: string;
  displayName: string;
  email: string;
  active: boolean;
  /** Site administrator: may browse every project. */
  admin: boolean;
  /** Data Center password (the seed uses the user name). */
  password: string;
  /** Cloud API tokens accepted for this user. */
  apiTokens: string[];
  /** Data Center personal access tokens accepted for this user. */
  pats: string[];
  timeZone: string;
  groups: string[];
}

export interface ProjectRecord {
  id: number;
  key: string;
  name: string;
  /** Lead, by user name. */
  lead: string;
  /** Next issue number; never rewinds, so a deleted key is never reissued. */
  counter: number;
  projectTypeKey: 'software' | 'business';
  /** User names allowed to browse; empty means everyone signed in. Admins always may. */
  browsers: string[];
  /** User names allowed to create and edit issues; absent means everyone who may browse. */
  editors?: string[];
  /** Project description (plain text). */
  description?: string;
  /** Components issues may reference by name. */
  components?: ComponentRecord[];
  /** Versions issues may reference by name in `fixVersions`. */
  versions?: VersionRecord[];
}

export interface ComponentRecord {
  id: number;
  name: string;
  description: string;
}

export interface VersionRecord {
  id: number;
  name: string;
  released: boolean;
  archived: boolean;
  /** `yyyy-MM-dd` or null. */
  releaseDate: string | null;
}

export interface CommentRecord {
  id: number;
  /** Author, by user name. */
  author: string;
  /** Markdown. */
  body: string;
  created: string;
  updated: string;
  /** Restriction to a project role or group; absent when everyone who can browse may see it. */
  visibility?: { type: 'role' | 'group'; value: string };
}

export interface ChangelogRecord {
  id: number;
  author: string;
  created: string;
  items: {
    field: string;
    from: string | null;
    fromString: string | null;
    to: string | null;
    toString: string | null;
  }[];
}

export interface IssueRecord {
  /** Global numeric id, from 10000. */
  id: number;
  key: string;
  projectKey: string;
  /** Issue type id (see ISSUE_TYPES). */
  issueTypeId: string;
  summary: string;
  /** Markdown, or null when empty. */
  description: string | null;
  /** Status id (see STATUSES). */
  statusId: string;
  /** Priority id (see PRIORITIES), or null. */
  priorityId: string | null;
  /** Resolution id (see RESOLUTIONS), or null when unresolved. */
  resolutionId: string | null;
  /** User names, or null. */
  assignee: string | null;
  reporter: string;
  creator: string;
  labels: string[];
  components: string[];
  fixVersions: string[];
  /** Parent issue key (sub-tasks and epic children), or null. */
  parentKey: string | null;
  /** ISO-8601 timestamps with milliseconds and a `Z` suffix; rendered as Jira's `+0000` style by routes. */
  created: string;
  updated: string;
  resolutiondate: string | null;
  /** `yyyy-MM-dd` or null. */
  duedate: string | null;
  comments: CommentRecord[];
  changelog: ChangelogRecord[];
  /** Custom field values by field id (`customfield_10010`). */
  customFields: Record<string, unknown>;
  /** User names watching the issue; absent means only the reporter. */
  watchers?: string[];
}

export interface StoreState {
  /** Bumped when the snapshot format changes. */
  version: 1;
  users: UserRecord[];
  projects: ProjectRecord[];
  issues: IssueRecord[];
  /** Next global id for issues, comments, changelog entries. */
  nextId: number;
}

export interface StatusCategory {
  id: number;
  key: 'undefined' | 'new' | 'indeterminate' | 'done';
  name: string;
  colorName: { cloud: string; datacenter: string };
}

/** The four status categories; ids 2/4/3 are To Do/In Progress/Done, colours differ per flavor. */
export const STATUS_CATEGORIES: readonly StatusCategory[] = [
  {
    id: 1,
    key: 'undefined',
    name: 'No Category',
    colorName: { cloud: 'medium-gray', datacenter: 'medium-gray' },
  },
  { id: 2, key: 'new', name: 'To Do', colorName: { cloud: 'blue-gray', datacenter: 'default' } },
  {
    id: 4,
    key: 'indeterminate',
    name: 'In Progress',
    colorName: { cloud: 'yellow', datacenter: 'inprogress' },
  },
  { id: 3, key: 'done', name: 'Done', colorName: { cloud: 'green', datacenter: 'success' } },
];

export interface StatusDef {
  id: string;
  name: string;
  categoryId: number;
  description: string;
}

/** Data Center 10's simplified-workflow statuses (Cloud uses the same ids in the seed). */
export const STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'To Do', categoryId: 2, description: '' },
  {
    id: '3',
    name: 'In Progress',
    categoryId: 4,
    description: 'This issue is being actively worked on at the moment by the assignee.',
  },
  { id: '10001', name: 'Done', categoryId: 3, description: '' },
];

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
}

/** The issue types of a Scrum project. */
export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  {
    id: '10000',
    name: 'Epic',
    description: 'A big user story that needs to be broken down.',
    subtask: false,
    hierarchyLevel: 1,
  },
  {
    id: '10001',
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
    subtask: false,
    hierarchyLevel: 0,
  },
  {
    id: '10002',
    name: 'Task',
    description: 'A task that needs to be done.',
    subtask: false,
    hierarchyLevel: 0,
  },
  {
    id: '10003',
    name: 'Sub-task',
    description: 'A small piece of work that is part of a larger task.',
    subtask: true,
    hierarchyLevel: -1,
  },
  { id: '10004', name: 'Bug', description: 'A problem or error.', subtask: false, hierarchyLevel: 0 },
];

export interface PriorityDef {
  id: string;
  name: string;
}

/** Ordered from highest to lowest; JQL compares priorities by this order. */
export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

/** Data Center 10's default resolutions. */
export const RESOLUTIONS: readonly { id: string; name: string; description: string }[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: "This issue won't be actioned." },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed.' },
];

/** Custom fields every issue carries (null when empty). */
export interface CustomFieldDef {
  id: string;
  name: string;
  /** JsonTypeBean `type` of the value. */
  type: 'number' | 'string' | 'date' | 'datetime';
  /** Custom field type key, as Jira reports it in `schema.custom`. */
  custom: string;
}

/** The custom fields the sandbox serves. */
export const CUSTOM_FIELDS: readonly CustomFieldDef[] = [
  {
    id: 'customfield_10016',
    name: 'Story Points',
    type: 'number',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
  },
];

/** The simplified workflow: global transitions to every status, the current one included. */
export const TRANSITIONS: readonly { id: string; name: string; toStatusId: string }[] = [
  { id: '11', name: 'To Do', toStatusId: '10000' },
  { id: '21', name: 'In Progress', toStatusId: '3' },
  { id: '31', name: 'Done', toStatusId: '10001' },
];

/** Data Center 10's default issue link types (Cloud ships the same four). */
export const ISSUE_LINK_TYPES: readonly { id: string; name: string; inward: string; outward: string }[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];
