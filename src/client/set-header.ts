/** Caller-supplied headers, checked before anything is sent. */

import { InputError } from '../errors.js';

/**
 * Sets a header the caller supplied; one HTTP cannot carry (a name that is not a token, a value with line breaks
 * or characters beyond Latin-1) is refused before anything is sent. The value may be a secret: never shown.
 */
export function setHeader(headers: Headers, name: string, value: string): void {
  try {
    headers.set(name, value);
  } catch {
    const shown = name.length > 60 ? `${name.slice(0, 60)}...` : name;
    throw new InputError(
      `Cannot send the header ${JSON.stringify(shown)}: a name must be a token and a value Latin-1 text without line breaks`,
    );
  }
}
