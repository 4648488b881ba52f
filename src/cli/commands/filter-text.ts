/** Help and table text shared by the `filter` verbs and `filter permission` verbs. */
import type { FilterPermission } from '../../index.js';
import { aliasesOf } from '../aliases.js';

/** JiraPS names of a verb, for the help text. */
export const jiraps = (...path: string[]): string => {
  const names = aliasesOf('filter', path.join(' '));
  return names.length > 0 ? ` (JiraPS: ${names.join(', ')})` : '';
};

/** The share's target in a few words (for tables). */
export function describeShare(share: FilterPermission): string {
  const project = share.project ? (share.project.key ?? share.project.id) : '';
  switch (share.type) {
    case 'group':
      return `group ${share.group?.name ?? ''}`;
    case 'project':
      return `project ${project}`;
    case 'projectRole':
      return `project ${project} role ${share.role?.name ?? share.role?.id ?? ''}`;
    case 'user':
      return `user ${share.user?.displayName ?? ''}`;
    case 'authenticated':
      return 'signed-in users';
    default:
      return share.type;
  }
}
