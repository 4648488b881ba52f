/** The settings every call of one client shares, fixed when the client is made. */

import type { HeaderLog } from './header-log.js';
import type { RetryPolicy } from './retry.js';
import type { Transport } from './transport.js';
import type { Hooks } from './types.js';

export interface PipelineConfig {
  server: string;
  transport: Transport;
  timeoutMs: number;
  retry: RetryPolicy;
  hooks: Hooks;
  userAgent: string;
  allowInsecureHttp: boolean;
  debug: boolean;
  logger: ((line: string) => void) | undefined;
  headerLog: () => HeaderLog | undefined;
}
