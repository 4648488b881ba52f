/**
 * Who may do what in a sandbox project, as a small stand-in for Jira's permission schemes: browsing is per
 * project (`browsers`), editing is open to every browser unless the project lists `editors`, and deleting or
 * administering takes a site administrator or the project lead.
 */
import { canBrowse } from './auth.js';
import type { ProjectRecord, UserRecord } from './model.js';

export { canBrowse };

/** Site administrator or lead of the project. */
export function isProjectAdmin(user: UserRecord | null, project: ProjectRecord | undefined): boolean {
  if (!user || !project) return false;
  return user.admin || project.lead === user.name;
}

/** May create and edit issues (fields, transitions, links, attachments, worklogs, watchers of others). */
export function canEdit(user: UserRecord | null, project: ProjectRecord | undefined): boolean {
  if (!canBrowse(user, project) || !user || !project) return false;
  if (isProjectAdmin(user, project)) return true;
  return project.editors === undefined || project.editors.includes(user.name);
}

/** May delete issues (and other people's attachments, links and worklogs). */
export function canDelete(user: UserRecord | null, project: ProjectRecord | undefined): boolean {
  return canBrowse(user, project) && isProjectAdmin(user, project);
}
