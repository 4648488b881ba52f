/** What a JQL search needs to know beyond the issues: who asks, the reference data, and the clock. */
import type { Flavor, ProjectRecord, UserRecord } from '../model.js';

/** A custom field the search may name: `cf[10010]`, `customfield_10010` or its display name. */
export interface CustomFieldDef {
  /** `customfield_10010`. */
  id: string;
  name: string;
}

/** The caller, reference data and clock a search runs with. */
export interface JqlContext {
  /** The caller; null for an anonymous search. */
  currentUser: UserRecord | null;
  users: readonly UserRecord[];
  /** The projects the caller may browse: JQL treats every other project as missing, as Jira does. */
  projects: readonly ProjectRecord[];
  flavor: Flavor;
  now: Date;
  /**
   * Known custom fields. When absent, the ids found on the searched issues are the known ones and only
   * `cf[NNNNN]` / `customfield_NNNNN` names work.
   */
  customFields?: readonly CustomFieldDef[];
}
