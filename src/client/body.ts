/** Request body encoding: JSON for plain values, passed through for strings, bytes, forms and blobs. */

export interface EncodedBody {
  body?: string | Uint8Array | ArrayBuffer | Blob | FormData | URLSearchParams;
  /** Content-Type to send unless the caller set one; undefined lets fetch choose (multipart boundary). */
  contentType?: string;
  /** True for bodies a browser form could send, which Jira's XSRF check blocks without `X-Atlassian-Token`. */
  formLike: boolean;
}

/** Encode a RequestSpec body. Strings are taken as ready JSON (as Invoke-JiraMethod's -Body). */
export function encodeBody(body: unknown): EncodedBody {
  if (body === undefined) return { formLike: false };
  if (typeof body === 'string') return { body, contentType: 'application/json', formLike: false };
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    return { body, contentType: 'application/octet-stream', formLike: true };
  }
  if (body instanceof FormData || body instanceof URLSearchParams || body instanceof Blob) {
    return { body, formLike: true };
  }
  return { body: JSON.stringify(body), contentType: 'application/json', formLike: false };
}
