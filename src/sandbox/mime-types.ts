/** The MIME type Jira records for an upload: the part's declared type, else one guessed from the name. */

const BY_EXTENSION: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  html: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

const GENERIC = 'application/octet-stream';

/** `declared` unless it is empty or generic, else the type of the file name's extension. */
export function mimeTypeFor(filename: string, declared: string): string {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== '' && type !== GENERIC) return type;
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || GENERIC;
}
