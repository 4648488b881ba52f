import type { AdfNode } from './adf-types.js';

// Jira attachments in ADF are `media` nodes with an id and collection but no URL. In Markdown they become
// images whose URL uses the reserved `media:` scheme: `![diagram.png](media:3f1c...)`, with
// `?collection=...&type=link` only when those differ from Jira's usual values.

const MEDIA_SCHEME = 'media:';

/** Build an ADF `media` node from an image URL and alt text (external unless it uses `media:`). */
export function mediaFromImage(url: string, alt: string): AdfNode {
  const attrs: Record<string, unknown> = url.toLowerCase().startsWith(MEDIA_SCHEME)
    ? fileMediaAttrs(url.slice(MEDIA_SCHEME.length))
    : { type: 'external', url };
  if (alt) attrs.alt = alt;
  return { type: 'media', attrs };
}

function fileMediaAttrs(rest: string): Record<string, unknown> {
  const query = rest.indexOf('?');
  const id = query === -1 ? rest : rest.slice(0, query);
  const params = new URLSearchParams(query === -1 ? '' : rest.slice(query + 1));
  const type = params.get('type') === 'link' ? 'link' : 'file';
  return { type, id: id || 'unknown', collection: params.get('collection') ?? '' };
}

/** The Markdown image URL for an ADF `media` node's attributes, or undefined when it has none. */
export function imageUrlFromMedia(attrs: Record<string, unknown>): string | undefined {
  if (typeof attrs.url === 'string' && attrs.url) return attrs.url;
  if (typeof attrs.id !== 'string' || !attrs.id) return undefined;
  const params = new URLSearchParams();
  if (typeof attrs.collection === 'string' && attrs.collection) params.set('collection', attrs.collection);
  if (attrs.type === 'link') params.set('type', 'link');
  const query = params.toString();
  return `${MEDIA_SCHEME}${attrs.id}${query ? `?${query}` : ''}`;
}

/** Wrap a media node in the block-level `mediaSingle` ADF wants for an image. */
export function mediaSingle(media: AdfNode, linkHref?: string): AdfNode {
  const node: AdfNode = { type: 'mediaSingle', attrs: { layout: 'center' }, content: [media] };
  if (linkHref !== undefined) node.marks = [{ type: 'link', attrs: { href: linkHref } }];
  return node;
}
