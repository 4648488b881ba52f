/** A line/character position in the JQL text, both 1-based as Jira reports them. */
export interface JqlPosition {
  line: number;
  character: number;
}

/** A JQL syntax or validation failure carrying Jira's exact `errorMessages` texts. */
export class JqlError extends Error {
  readonly errorMessages: string[];

  constructor(messages: readonly string[]) {
    super(messages.join(' '));
    this.name = 'JqlError';
    this.errorMessages = [...messages];
  }
}

/** Jira prefixes parse errors, and only parse errors, with this text. */
const SYNTAX_PREFIX = 'Error in the JQL Query: ';

/** A parse error; `detail` ends with a full stop, the position (when known) follows it. */
export function syntaxError(detail: string, at?: JqlPosition): JqlError {
  const where = at ? ` (line ${at.line}, character ${at.character})` : '';
  return new JqlError([`${SYNTAX_PREFIX}${detail}${where}`]);
}
