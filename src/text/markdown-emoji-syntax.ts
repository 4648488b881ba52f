import type { Literal } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

// Emoji shortcodes (`:smile:`) are parsed by micromark itself, not found in text afterwards, so that an
// escaped colon (`\:smile:`) stays literal text: escapes are gone by the time mdast text exists.

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    emojiShortcode: 'emojiShortcode';
    emojiShortcodeName: 'emojiShortcodeName';
  }
}

/** The mdast node for an emoji shortcode; `value` keeps `:name:` so plain-text readers still see it. */
export interface EmojiShortcodeNode extends Literal {
  type: 'emojiShortcode';
  name: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    emojiShortcode: EmojiShortcodeNode;
  }
  interface RootContentMap {
    emojiShortcode: EmojiShortcodeNode;
  }
}

const COLON = 58;
const MAX_NAME = 100;

/** True for the characters allowed in a shortcode name: ASCII letters, digits, `_`, `+`, `-`. */
export function isEmojiNameChar(code: Code): boolean {
  if (code === null) return false;
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 43 ||
    code === 45
  );
}

function isAsciiAlphanumeric(code: Code): boolean {
  if (code === null) return false;
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A shortcode name we both parse and print: name characters only, with at least one letter or digit. */
export const EMOJI_NAME_PATTERN = /^[A-Za-z0-9_+-]*[A-Za-z0-9][A-Za-z0-9_+-]*$/;

function tokenizeEmoji(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  let hasAlphanumeric = false;

  const name: State = (code) => {
    if (code === COLON && size > 0 && hasAlphanumeric) {
      effects.exit('emojiShortcodeName');
      effects.consume(code);
      effects.exit('emojiShortcode');
      return ok;
    }
    if (isEmojiNameChar(code) && size < MAX_NAME) {
      size += 1;
      if (isAsciiAlphanumeric(code)) hasAlphanumeric = true;
      effects.consume(code);
      return name;
    }
    return nok(code);
  };

  return (code) => {
    effects.enter('emojiShortcode');
    effects.consume(code);
    effects.enter('emojiShortcodeName');
    return name;
  };
}

// A colon right after a letter or digit is not a shortcode start ("10:30:45", "key:value:").
function previousAllowsEmoji(this: TokenizeContext, code: Code): boolean {
  return !isAsciiAlphanumeric(code);
}

const emojiConstruct: Construct = {
  name: 'emojiShortcode',
  tokenize: tokenizeEmoji,
  previous: previousAllowsEmoji,
};

/** micromark syntax extension recognising `:name:` emoji shortcodes in text. */
export function emojiSyntax(): Extension {
  return { text: { [COLON]: emojiConstruct } };
}

/** mdast-util-from-markdown extension turning emoji tokens into `emojiShortcode` nodes. */
export function emojiFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      emojiShortcode(this: CompileContext, token: Token) {
        const node: EmojiShortcodeNode = { type: 'emojiShortcode', name: '', value: '' };
        this.enter(node, token);
      },
    },
    exit: {
      emojiShortcodeName(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type !== 'emojiShortcode') return;
        node.name = this.sliceSerialize(token);
        node.value = `:${node.name}:`;
      },
      emojiShortcode(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}
