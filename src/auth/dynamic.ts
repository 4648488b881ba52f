/**
 * Credentials whose headers depend on the request (OAuth 1.0a signs method and URL) or change over time
 * (OAuth 2.0 access tokens are refreshed). The request pipeline asks for headers per attempt and, after a
 * 401, gives the credential one chance to recover (refresh) before the call is retried once.
 */
export interface DynamicAuth {
  /** The headers for one request attempt; may refresh an expiring token first. */
  headersFor(request: {
    method: string;
    url: URL;
    /** A form-urlencoded body (OAuth 1.0a signs its parameters). */
    form?: URLSearchParams;
    signal?: AbortSignal;
  }): Promise<Record<string, string>>;
  /**
   * Called once after a 401 with the headers that were sent. Resolves true when new headers are ready and the
   * request should be sent again; false when retrying cannot help. Throws to report why (e.g. a revoked grant).
   */
  recover?(sent: Record<string, string>, signal?: AbortSignal): Promise<boolean>;
}
