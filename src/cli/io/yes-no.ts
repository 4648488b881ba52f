/** A yes/no question on the terminal, for destructive verbs run without --force. */

/** Asks `question` on stderr and reads the answer from stdin; only "y" or "yes" count as yes. */
export async function askYesNo(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}
