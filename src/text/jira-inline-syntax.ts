// Markdown spellings for the Jira-only inline nodes. Each is an ordinary Markdown link with a reserved URL
// scheme, so any Markdown tool keeps it intact and the parser handles escaping for us:
//   mention  @[Jane Doe](accountid:5b10ac8d82e05b22cc7d4ef5)   (Data Center: @[jdoe](user:jdoe))
//   date     [2024-05-01](date:2024-05-01)
//   status   [IN PROGRESS](status:blue)
//   emoji    :smile:   (or [:x:](emoji:x) where the short form cannot be used)

/** A Jira inline node spelled as a Markdown link. */
export type JiraLinkTarget =
  | { kind: 'mention'; id: string; scheme: 'accountid' | 'user' }
  | { kind: 'date'; timestamp: string }
  | { kind: 'status'; color: StatusColor }
  | { kind: 'emoji'; name: string };

/** Lozenge colours ADF accepts for the status node. */
export type StatusColor = 'neutral' | 'purple' | 'blue' | 'red' | 'yellow' | 'green';

const STATUS_COLORS: ReadonlySet<string> = new Set(['neutral', 'purple', 'blue', 'red', 'yellow', 'green']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Recognise a reserved URL scheme; anything else is an ordinary link. */
export function parseJiraLinkUrl(url: string): JiraLinkTarget | undefined {
  const colon = url.indexOf(':');
  if (colon <= 0) return undefined;
  const scheme = url.slice(0, colon).toLowerCase();
  const rest = url.slice(colon + 1);
  switch (scheme) {
    case 'accountid':
      return rest ? { kind: 'mention', id: rest, scheme: 'accountid' } : undefined;
    case 'user':
      return rest ? { kind: 'mention', id: rest, scheme: 'user' } : undefined;
    case 'date': {
      const timestamp = dateToTimestamp(rest);
      return timestamp === undefined ? undefined : { kind: 'date', timestamp };
    }
    case 'status': {
      const color = rest.toLowerCase();
      return { kind: 'status', color: STATUS_COLORS.has(color) ? (color as StatusColor) : 'neutral' };
    }
    case 'emoji':
      return rest ? { kind: 'emoji', name: stripColons(rest) } : undefined;
    default:
      return undefined;
  }
}

/** `YYYY-MM-DD` (UTC midnight) or a millisecond timestamp, as the ADF date node's string timestamp. */
export function dateToTimestamp(text: string): string | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const ms = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(text) ? String(ms) : undefined;
  }
  return /^-?\d{1,15}$/.test(text) ? String(Number(text)) : undefined;
}

/** The URL part for a date: the ISO day when the timestamp is a UTC midnight, else the raw timestamp. */
export function timestampToDateUrlPart(timestamp: string): string {
  const ms = Number(timestamp);
  if (!/^-?\d{1,15}$/.test(timestamp) || !Number.isFinite(ms)) return timestamp;
  if (ms % DAY_MS !== 0) return String(ms);
  const iso = new Date(ms).toISOString();
  return iso.startsWith('-') || iso.startsWith('+') ? String(ms) : iso.slice(0, 10);
}

/** A human label for a date timestamp: `YYYY-MM-DD` in UTC, or the raw value when it is not a number. */
export function timestampToLabel(timestamp: string): string {
  const ms = Number(timestamp);
  if (timestamp.trim() === '' || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return timestamp;
  const iso = new Date(ms).toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/** `:smile:` → `smile`. */
export function stripColons(shortName: string): string {
  let name = shortName;
  if (name.startsWith(':')) name = name.slice(1);
  if (name.endsWith(':')) name = name.slice(0, -1);
  return name;
}

/** True when `color` is one of the status lozenge colours. */
export function isStatusColor(color: unknown): color is StatusColor {
  return typeof color === 'string' && STATUS_COLORS.has(color);
}
