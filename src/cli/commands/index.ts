import type { NounModule } from './noun.js';

/**
 * Every noun and how to load it. Only the noun being run is loaded, so start-up parses one small module;
 * the root help loads them all.
 */
export const NOUNS: readonly { name: string; load: () => Promise<NounModule> }[] = [
  { name: 'issue', load: () => import('./issue.js') },
  { name: 'comment', load: () => import('./comment.js') },
  { name: 'transition', load: () => import('./transition.js') },
  { name: 'worklog', load: () => import('./worklog.js') },
  { name: 'label', load: () => import('./label.js') },
  { name: 'meta', load: () => import('./meta.js') },
  { name: 'link', load: () => import('./link.js') },
  { name: 'remotelink', load: () => import('./remote-link.js') },
  { name: 'attachment', load: () => import('./attachment.js') },
  { name: 'watcher', load: () => import('./watcher.js') },
  { name: 'session', load: () => import('./session.js') },
  { name: 'login', load: async () => (await import('./login.js')).loginNoun },
  { name: 'logout', load: async () => (await import('./login.js')).logoutNoun },
  { name: 'server', load: () => import('./server.js') },
  { name: 'user', load: () => import('./user.js') },
  { name: 'group', load: () => import('./group.js') },
  { name: 'filter', load: () => import('./filter.js') },
  { name: 'project', load: () => import('./project.js') },
  { name: 'component', load: () => import('./component.js') },
  { name: 'version', load: () => import('./version.js') },
  { name: 'invoke', load: () => import('./invoke.js') },
  { name: 'config', load: () => import('./config.js') },
  { name: 'headers-log', load: () => import('./headers-log.js') },
  { name: 'sandbox', load: () => import('./sandbox.js') },
  { name: 'adf', load: () => import('./adf.js') },
  { name: 'wiki', load: () => import('./wiki.js') },
  { name: 'table', load: () => import('./table.js') },
  { name: 'field', load: async () => (await import('./reference.js')).fieldNoun },
  { name: 'priority', load: async () => (await import('./reference.js')).priorityNoun },
  { name: 'status', load: async () => (await import('./reference.js')).statusNoun },
  { name: 'issuetype', load: async () => (await import('./reference.js')).issueTypeNoun },
  { name: 'resolution', load: async () => (await import('./reference.js')).resolutionNoun },
  { name: 'linktype', load: async () => (await import('./reference.js')).linkTypeNoun },
  { name: 'cache', load: async () => (await import('./reference.js')).cacheNoun },
  { name: 'completion', load: () => import('./completion.js') },
];
