import type { BlockContent, DefinitionContent, Node } from 'mdast';

// mdast nodes that exist only on the way from ADF to Markdown; markdown-serialize.ts prints them.

/** An emoji, printed as `:name:` where that parses back, else as `[:name:](emoji:name)`. */
export interface JiraEmojiNode extends Node {
  type: 'jiraEmoji';
  name: string;
}

/** An inline card (smart link), printed as an angle-bracket autolink `<url>`. */
export interface JiraCardNode extends Node {
  type: 'jiraCard';
  url: string;
}

/** A panel, printed as a GitHub alert quote `> [!NOTE]`. */
export interface JiraAlertNode extends Node {
  type: 'jiraAlert';
  alert: string;
  children: Array<BlockContent | DefinitionContent>;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    jiraEmoji: JiraEmojiNode;
    jiraCard: JiraCardNode;
  }
  interface BlockContentMap {
    jiraAlert: JiraAlertNode;
  }
  interface RootContentMap {
    jiraEmoji: JiraEmojiNode;
    jiraCard: JiraCardNode;
    jiraAlert: JiraAlertNode;
  }
}
