/** What every response passes on its way back: the debug line, afterResponse hooks, the header log. */

import type { PipelineConfig } from './pipeline-config.js';
import { redactHeaders } from './redact.js';
import type { RequestLabel } from './response-error.js';

/** Log and hand a response to the observers; URLs and headers they see are redacted. */
export async function observeResponse(
  config: PipelineConfig,
  label: RequestLabel,
  res: Response,
  attempt: number,
  durationMs: number,
): Promise<void> {
  const { method, url } = label;
  if (config.debug && config.logger) {
    const requestId = res.headers.get('x-arequestid');
    config.logger(
      `jirats: <- ${res.status} ${method} ${url} in ${durationMs} ms${requestId ? ` (request id ${requestId})` : ''}`,
    );
  }
  const hooks = config.hooks.afterResponse ?? [];
  if (hooks.length > 0) {
    const headers = new Headers(Object.entries(redactHeaders(res.headers)));
    for (const hook of hooks) await hook({ method, url, status: res.status, headers, attempt, durationMs });
  }
  const headerLog = config.headerLog();
  if (headerLog && config.logger) {
    for (const line of headerLog.lines(res.headers, { method, url, status: res.status })) config.logger(line);
  }
}
