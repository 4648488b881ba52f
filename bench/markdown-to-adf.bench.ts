// Markdown → ADF throughput at 100 KB, 1 MB and 10 MB of generated Markdown, with marklassian side by side
// at 1 MB when it is installed. Run: node --import tsx bench/markdown-to-adf.bench.ts
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../src/sandbox/random.js';
import { markdownToAdf } from '../src/text/index.js';

type Converter = (markdown: string) => unknown;

/** One measured size: median time of the runs, and the same as milliseconds per MB. */
export interface SizeResult {
  label: string;
  bytes: number;
  ms: number;
  msPerMb: number;
  marklassianMs?: number;
}

const WORDS = [
  'issue',
  'deploy',
  'sprint',
  'backlog',
  'release',
  'review',
  'cache',
  'token',
  'board',
  'epic',
  'team',
];

/** A Markdown document of about `bytes` bytes mixing the constructs Jira descriptions use. */
export function generateMarkdown(bytes: number, seed = 1): string {
  // Seeded, so every run converts the same document.
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sentence = (): string => {
    const words = Array.from({ length: 6 + Math.floor(next() * 10) }, () => pick(WORDS));
    const marks = [
      (w: string) => `**${w}**`,
      (w: string) => `*${w}*`,
      (w: string) => `\`${w}\``,
      (w: string) => `[${w}](https://example.com/${w})`,
    ];
    const index = Math.floor(next() * words.length);
    words[index] = pick(marks)(words[index] as string);
    return `${words.join(' ')}.`;
  };
  const blocks: string[] = [];
  let size = 0;
  while (size < bytes) {
    const kind = next();
    let block: string;
    if (kind < 0.1) block = `## ${sentence()}`;
    else if (kind < 0.45) block = `${sentence()} ${sentence()}\n${sentence()}`;
    else if (kind < 0.65)
      block = Array.from({ length: 4 }, (_, i) => `${i % 2 ? '  ' : ''}- ${sentence()}`).join('\n');
    else if (kind < 0.72) block = `- [ ] ${sentence()}\n- [x] ${sentence()}`;
    else if (kind < 0.8) block = `\`\`\`ts\nconst ${pick(WORDS)} = ${Math.floor(next() * 100)};\n\`\`\``;
    else if (kind < 0.88)
      block = `| Key | Summary |\n| --- | :-: |\n| DEMO-${Math.floor(next() * 999)} | ${sentence()} |`;
    else if (kind < 0.94) block = `> [!NOTE]\n> ${sentence()}`;
    else block = `> ${sentence()} @[Ann](accountid:5b10) :smile:`;
    blocks.push(block);
    size += block.length + 2;
  }
  return blocks.join('\n\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(convert: Converter, markdown: string, runs: number): number {
  // Warm up the JIT, except for the largest input where one run already takes seconds.
  if (runs > 1) convert(markdown);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    convert(markdown);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function loadMarklassian(): Promise<Converter | undefined> {
  try {
    const module = (await import('marklassian')) as { markdownToAdf?: Converter };
    return module.markdownToAdf;
  } catch {
    return undefined;
  }
}

/** Measure our converter at each size, and marklassian at 1 MB when it can be loaded. */
export async function benchMarkdownToAdf(): Promise<SizeResult[]> {
  const marklassian = await loadMarklassian();
  const sizes: [string, number, number][] = [
    ['100 KB', 100 * 1024, 5],
    ['1 MB', 1024 * 1024, 3],
    ['10 MB', 10 * 1024 * 1024, 1],
  ];
  const results: SizeResult[] = [];
  for (const [label, bytes, runs] of sizes) {
    const markdown = generateMarkdown(bytes);
    const ms = time(markdownToAdf, markdown, runs);
    const result: SizeResult = {
      label,
      bytes: markdown.length,
      ms,
      msPerMb: ms / (markdown.length / (1024 * 1024)),
    };
    if (marklassian && bytes === 1024 * 1024) result.marklassianMs = time(marklassian, markdown, runs);
    results.push(result);
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await benchMarkdownToAdf();
  for (const result of results) {
    const versus =
      result.marklassianMs === undefined
        ? ''
        : `  marklassian ${result.marklassianMs.toFixed(0)} ms, ratio ours/marklassian ${(result.ms / result.marklassianMs).toFixed(2)}`;
    console.log(
      `${result.label.padEnd(6)} ${result.ms.toFixed(0).padStart(6)} ms  ${result.msPerMb.toFixed(0).padStart(5)} ms/MB${versus}`,
    );
  }
}
