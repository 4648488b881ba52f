// ADF expands are written as the HTML disclosure element every Markdown renderer shows as a collapsible:
//   <details>
//   <summary>Title</summary>
//
//   content
//
//   </details>
// An HTML block can hold any mix of these tags and Markdown text, so it is cut into events.

/** One piece of an HTML block that mentions `<details>`. */
export type DetailsEvent =
  | { kind: 'open' }
  | { kind: 'title'; title: string }
  | { kind: 'close' }
  | { kind: 'markdown'; text: string };

const DETAILS_TAGS = /<details\b[^>]*>|<\/details\s*>|<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/gi;

/** Split an HTML block into details events, or undefined when it has no details or summary tags. */
export function detailsEvents(html: string): DetailsEvent[] | undefined {
  if (!/<\/?(details|summary)\b/i.test(html)) return undefined;
  const events: DetailsEvent[] = [];
  let last = 0;
  for (const match of html.matchAll(DETAILS_TAGS)) {
    const index = match.index ?? 0;
    pushMarkdown(events, html.slice(last, index));
    last = index + match[0].length;
    const tag = match[0].slice(0, 9).toLowerCase();
    if (tag.startsWith('</details')) events.push({ kind: 'close' });
    else if (tag.startsWith('<details')) events.push({ kind: 'open' });
    else events.push({ kind: 'title', title: decodeHtmlText(match[1] ?? '') });
  }
  pushMarkdown(events, html.slice(last));
  return events;
}

function pushMarkdown(events: DetailsEvent[], text: string): void {
  if (text.trim()) events.push({ kind: 'markdown', text });
}

/** The HTML that opens an expand, with its title escaped. */
export function detailsOpenHtml(title: string | undefined): string {
  return title === undefined ? '<details>' : `<details>\n<summary>${encodeHtmlText(title)}</summary>`;
}

/** The HTML that closes an expand. */
export const DETAILS_CLOSE_HTML = '</details>';

function encodeHtmlText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeHtmlText(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, body: string) => {
      if (body.startsWith('#')) {
        const code =
          body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[body.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
