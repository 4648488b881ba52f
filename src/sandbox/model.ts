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
  /** Component lead, by user name; absent when none. */
  lead?: string;
  /** Who new issues with this component go to; absent means `PROJECT_DEFAULT`. */
  assigneeType?: 'PROJECT_DEFAULT' | 'COMPONENT_LEAD' | 'PROJECT_LEAD' | 'UNASSIGNED';
}

/** A version; its place in `ProjectRecord.versions` is its sequence (the order `move` changes). */
export interface VersionRecord {
  id: number;
  name: string;
  released: boolean;
  archived: boolean;
  /** `yyyy-MM-dd` or null. */
  releaseDate: string | null;
  /** `yyyy-MM-dd`; absent or null when not set. */
  startDate?: string | null;
  /** Plain text; absent when none. */
  description?: string;
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

export interface WorklogRecord {
  id: number;
  /** Author, by user name. */
  author: string;
  /** Who changed it last, by user name. */
  updateAuthor: string;
  timeSpentSeconds: number;
  /** When the work started: ISO-8601 with a `Z` suffix. */
  started: string;
  /** Markdown, or null when the worklog has no comment. */
  comment: string | null;
  created: string;
  updated: string;
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
  /** Files attached to the issue; their bytes live outside the snapshot (see attachment-store.ts). */
  attachments?: AttachmentRecord[];
  /** Work logged on the issue, oldest first; absent in snapshots written before worklogs existed. */
  worklogs?: WorklogRecord[];
  /** Time tracking estimates in seconds; absent or null when not estimated. */
  originalEstimateSeconds?: number | null;
  remainingEstimateSeconds?: number | null;
  /** Issue entity properties: JSON values by property key. */
  properties?: Record<string, unknown>;
  /** Links to items outside Jira, oldest first. */
  remoteLinks?: RemoteLinkRecord[];
}

/** A group; members are listed on the users (`UserRecord.groups`). */
export interface GroupRecord {
  name: string;
  /** Cloud's group id (a UUID). */
  groupId: string;
}

export interface StoreState {
  /** Bumped when the snapshot format changes. */
  version: 1;
  users: UserRecord[];
  projects: ProjectRecord[];
  issues: IssueRecord[];
  /** Groups; absent in older snapshots, where they are derived from the users' memberships. */
  groups?: GroupRecord[];
  /** Next global id for issues, comments, changelog entries. */
  nextId: number;
  /** Saved JQL filters (ids from 10000, their own counter: Jira numbers filters apart from issues). */
  filters?: FilterRecord[];
  /** Next filter id and share permission id; absent in older snapshots (then one past the highest in use). */
  nextFilterId?: number;
  nextSharePermissionId?: number;
  /**
   * Links between issues. Kept here rather than on either issue because a link belongs to two issues;
   * deleting an issue drops every link naming its id (see dropIssueLinks in issue-link-store.ts).
   */
  issueLinks?: IssueLinkRecord[];
}

/** A link between two issues: the source reads the type's outward phrase toward the destination. */
export interface IssueLinkRecord {
  id: number;
  /** Link type id (see ISSUE_LINK_TYPES). */
  typeId: string;
  /** Issue ids. */
  sourceId: number;
  destinationId: number;
}

/** A link from an issue to an item outside Jira; stored on its issue, so it goes when the issue goes. */
export interface RemoteLinkRecord {
  id: number;
  globalId?: string;
  application?: { type?: string; name?: string };
  relationship?: string;
  /** The linked item: url, title, summary, icon, status, as the request sent them. */
  object: Record<string, unknown>;
}

/** A saved search. */
export interface FilterRecord {
  id: number;
  name: string;
  jql: string;
  /** Owner, by user name. */
  owner: string;
  description: string;
  /** User names who marked it as a favourite. */
  favouredBy: string[];
  /** Older snapshots' sharing (`private` or `global`); `sharePermissions` wins when present. */
  shared?: 'private' | 'global';
  /** Who else may see the filter; absent in older snapshots (read `shared` then, see filter-access.ts). */
  sharePermissions?: SharePermissionRecord[];
}

/** One share of a filter; `projectRole` names a role of the project (see filter-access.ts). */
export interface SharePermissionRecord {
  id: number;
  type: 'global' | 'authenticated' | 'group' | 'project' | 'projectRole';
  /** Group name, for `group`. */
  group?: string;
  /** Project id, for `project` and `projectRole`. */
  projectId?: number;
  /** Project role id, for `projectRole`. */
  roleId?: number;
}

export * from './catalogue.js';

/** An attachment's metadata; `sha256` (hex) ties it to its bytes. */
export interface AttachmentRecord {
  id: number;
  filename: string;
  size: number;
  mimeType: string;
  /** User name. */
  author: string;
  created: string;
  sha256: string;
}
