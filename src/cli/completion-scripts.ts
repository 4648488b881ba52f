/**
 * Shell completion scripts for bash, zsh and fish, generated from the command tree. The scripts hold the
 * words themselves, so pressing TAB never starts a node process.
 */
import type { CommandNode } from './command-tree.js';

export type Shell = 'bash' | 'zsh' | 'fish';

/** Every command path (`''`, `issue`, `issue get`) with the words that may follow it. */
function table(root: CommandNode, aliases: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (node: CommandNode): void => {
    const words = [
      ...node.commands.map((c) => c.name),
      ...node.options.flatMap((o) => [o.long, o.short].filter((w): w is string => w !== undefined)),
    ];
    if (node.path.length === 0) words.push(...aliases);
    out.set(node.path.join(' '), words);
    node.commands.forEach(walk);
  };
  walk(root);
  return out;
}

/** The script for `shell`. */
export function completionScript(shell: Shell, root: CommandNode, aliases: readonly string[]): string {
  const words = table(root, aliases);
  const globals = words.get('') ?? [];
  if (shell === 'fish') return fish(words);
  const cases = [...words.entries()]
    .filter(([path]) => path !== '')
    .map(([path, list]) => `    "${path}") words="${list.join(' ')}" ;;`)
    .join('\n');
  const body = `_jirats_words() {
  # The command path typed so far: the words that are not options.
  local path="" w
  for w in "$@"; do
    case "$w" in -*) ;; *) if [ -n "$(_jirats_case "\${path:+$path }$w")" ]; then path="\${path:+$path }$w"; fi ;; esac
  done
  _jirats_case "$path"
}
_jirats_case() {
  local words=""
  case "$1" in
    "") words="${globals.join(' ')}" ;;
${cases}
  esac
  printf '%s' "$words"
}
`;
  if (shell === 'bash') {
    return `# jirats completion for bash: source it, or add \`source <(jirats completion bash)\` to ~/.bashrc
${body}_jirats_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  COMPREPLY=( $(compgen -W "$(_jirats_words "\${COMP_WORDS[@]:1:COMP_CWORD-1}")" -- "$cur") )
}
complete -o default -F _jirats_complete jirats
`;
  }
  return `#compdef jirats
# jirats completion for zsh: add \`source <(jirats completion zsh)\` to ~/.zshrc (after compinit)
${body}_jirats_complete() {
  local -a candidates
  candidates=( \${=$(_jirats_words "\${(@)words[2,CURRENT-1]}")} )
  compadd -- $candidates
}
compdef _jirats_complete jirats
`;
}

function fish(words: Map<string, string[]>): string {
  const lines = [
    '# jirats completion for fish: jirats completion fish > ~/.config/fish/completions/jirats.fish',
  ];
  lines.push('complete -c jirats -f');
  for (const [path, list] of words) {
    const parts = path === '' ? [] : path.split(' ');
    const condition =
      parts.length === 0
        ? '__fish_use_subcommand'
        : `__fish_seen_subcommand_from ${parts[parts.length - 1]}${parts.length > 1 ? `; and __fish_seen_subcommand_from ${parts[0]}` : ''}`;
    const commands = list.filter((w) => !w.startsWith('-'));
    if (commands.length > 0) lines.push(`complete -c jirats -n '${condition}' -a '${commands.join(' ')}'`);
    for (const option of list.filter((w) => w.startsWith('--'))) {
      lines.push(`complete -c jirats -n '${condition}' -l '${option.slice(2)}'`);
    }
  }
  return `${lines.join('\n')}\n`;
}
