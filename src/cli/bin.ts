#!/usr/bin/env node
// The entry point stays tiny: `--version` is answered before anything else loads, and the CLI proper
// (commander, the commands, the library) is imported only when there is work to do.

const args = process.argv.slice(2);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  // A command streams many short-lived objects (one per issue of a long search). V8's default young
  // generation grows to tens of MB before it is collected; a small one keeps the process near its baseline.
  // Only long runs need that, and start-up with a small young generation collects so often that a short
  // command takes about 40 ms longer: so the limit is set once a command has run for a while.
  setTimeout(() => {
    void import('node:v8').then((v8) => v8.setFlagsFromString('--max-semi-space-size=2'));
  }, 300).unref();
  const { main } = await import('./main.js');
  const code = await main(args);
  // Exit as soon as the output is handed over: idle keep-alive sockets and their pool would otherwise hold
  // the process for a noticeable moment after the work is done.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
