/** Reads the files of a multipart upload: every part named `file`, each within the size limit. */
import { mimeTypeFor } from '../mime-types.js';
import { errorResponse } from '../render/responses.js';
import type { SandboxContext } from './context.js';

/** Cloud refuses more files than this in one request. */
const MAX_FILES = 60;

/** One uploaded file. */
export interface Upload {
  filename: string;
  mimeType: string;
  data: Uint8Array;
}

/**
 * The uploaded files, or the error reply: 400 without files, 413 for too many; a file over `maxBytes` gets
 * `tooLarge` (Cloud 413; Data Center documents 404, reference/jira-rest-api.md §f).
 */
export async function readUploads(
  c: SandboxContext,
  maxBytes: number,
  tooLarge: 404 | 413,
): Promise<Upload[] | Response> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data'))
    return errorResponse(415, ['Attachments must be sent as multipart/form-data.']);
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    return errorResponse(400, ['The multipart request could not be read.']);
  }
  const raw = form.file;
  const parts = (Array.isArray(raw) ? raw : [raw]).filter((part): part is File => part instanceof File);
  if (parts.length === 0) return errorResponse(400, ["No part named 'file' was found in the request."]);
  if (parts.length > MAX_FILES)
    return errorResponse(413, [`At most ${MAX_FILES} files can be attached in one request.`]);
  const uploads: Upload[] = [];
  for (const part of parts) {
    if (part.size > maxBytes) {
      return errorResponse(tooLarge, [
        `The file '${part.name}' is too large to attach: ${part.size} bytes, the limit is ${maxBytes} bytes.`,
      ]);
    }
    uploads.push({
      filename: part.name,
      mimeType: mimeTypeFor(part.name, part.type),
      data: new Uint8Array(await part.arrayBuffer()),
    });
  }
  return uploads;
}
