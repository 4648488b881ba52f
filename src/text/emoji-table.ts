// A few common shortcodes with their characters, so emoji written in Markdown carry the `id` and `text`
// Jira's own editor stores. Unknown shortcodes still convert, with the short name alone.
const EMOJI_CHARACTERS: Readonly<Record<string, string>> = {
  smile: '😄',
  smiley: '😃',
  grinning: '😀',
  grin: '😁',
  laughing: '😆',
  joy: '😂',
  slight_smile: '🙂',
  wink: '😉',
  blush: '😊',
  heart_eyes: '😍',
  thinking: '🤔',
  neutral_face: '😐',
  confused: '😕',
  disappointed: '😞',
  cry: '😢',
  sob: '😭',
  angry: '😠',
  scream: '😱',
  sunglasses: '😎',
  '+1': '👍',
  thumbsup: '👍',
  '-1': '👎',
  thumbsdown: '👎',
  clap: '👏',
  pray: '🙏',
  wave: '👋',
  ok_hand: '👌',
  muscle: '💪',
  eyes: '👀',
  heart: '❤️',
  fire: '🔥',
  star: '⭐',
  sparkles: '✨',
  tada: '🎉',
  rocket: '🚀',
  bug: '🐛',
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  question: '❓',
  exclamation: '❗',
  bulb: '💡',
  memo: '📝',
  lock: '🔒',
  hourglass: '⌛',
  calendar: '📅',
  '100': '💯',
};

/** The emoji node attributes for a shortcode name: always `shortName`, plus `id` and `text` when known. */
export function emojiAttrs(name: string): Record<string, string> {
  const text = Object.hasOwn(EMOJI_CHARACTERS, name) ? EMOJI_CHARACTERS[name] : undefined;
  if (text === undefined) return { shortName: `:${name}:` };
  const id = Array.from(text)
    .map((char) => char.codePointAt(0)?.toString(16) ?? '')
    .filter((hex) => hex !== 'fe0f')
    .join('-');
  return { shortName: `:${name}:`, id, text };
}
