/** Custom authentication headers, sent as given (your own `Authorization`, a gateway's API key, ...). */

import { ConfigurationError } from '../errors.js';

/** Copy custom headers, refusing names or values that would split the HTTP header block. */
export function customAuthHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new ConfigurationError('Invalid header name in auth headers');
    if (/[\r\n\0]/.test(value)) throw new ConfigurationError(`Invalid value for auth header ${name}`);
    out[name] = value;
  }
  return out;
}
