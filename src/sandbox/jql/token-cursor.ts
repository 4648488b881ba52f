/** Walks a token stream for the parser: look-ahead, consumption and the token tests it needs. */
import { syntaxError } from './errors.js';
import type { Token } from './lexer.js';
import { RESERVED_WORDS } from './words.js';

export class TokenCursor {
  private i = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  protected peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1];
    const token = this.tokens[this.i + offset] ?? last;
    if (!token) throw new Error('token stream without eof');
    return token;
  }

  protected next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.i++;
    return token;
  }

  protected atEnd(): boolean {
    return this.peek().type === 'eof';
  }

  protected isKeyword(word: string, token = this.peek()): boolean {
    return token.type === 'keyword' && token.value === word;
  }

  /** Consumes the keyword when it comes next. */
  protected accept(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.next();
    return true;
  }

  protected isSymbol(symbol: string, token = this.peek()): boolean {
    return token.type === 'symbol' && token.value === symbol;
  }

  protected isStringish(token = this.peek()): boolean {
    return token.type === 'word' || token.type === 'quoted' || token.type === 'number';
  }

  /** Refuses bare words Jira keeps for itself. */
  protected checkReserved(token: Token): void {
    if (token.type === 'word' && !token.escaped && RESERVED_WORDS.has(token.value.toLowerCase())) {
      throw syntaxError(
        `'${token.value}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`,
        token,
      );
    }
  }
}
