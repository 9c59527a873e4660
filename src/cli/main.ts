#!/usr/bin/env node
/**
 * The `cfpmatch` command. Each subcommand lives in commands/ and is loaded
 * only when it runs (so `--help` and `calls list` never load the evaluation
 * code); errors print one line (`cfpmatch: <code>: <message>`) and exit
 * non-zero with the code's exit status.
 */
import { exitCodeOf, isCfpError } from '../core/errors.js';

export const HELP = `Usage: cfpmatch <command> [options]

Match a draft paper to journal special-issue calls for papers.

Commands:
  serve                  run the HTTP API and web page (HOST, PORT, DATA_DIR)
  rank [draft]           rank calls for one draft (JSON or text, file or stdin)
  rank --batch in.jsonl  rank many drafts, streaming JSON lines (--out out.jsonl)
  calls list|show|add    list the calls, show one, add a CFP text file
  index rebuild          re-embed every call and save the index
  triage                 editor triage of a submissions file against one call
  eval                   run the evaluation suites and write a report

Run 'cfpmatch <command> --help' for a command's options.
Human-readable tables by default; --json for machines.
Environment: DATA_DIR (default data), EMBEDDER=auto|onnx|use-lite, MODELS_DIR.`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  rank: async () => (await import('./commands/rank.js')).rankCommand,
  calls: async () => (await import('./commands/calls.js')).callsCommand,
  index: async () => (await import('./commands/index-cmd.js')).indexCommand,
  eval: async () => (await import('./commands/eval.js')).evalCommand,
  triage: async () => (await import('./commands/triage.js')).triageCommand,
};

/**
 * Run one command line; returns the exit status.
 *
 * @example
 * await main(['calls', 'list', '--json']); // 0
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return 0;
  }
  if (!name) {
    console.error(HELP);
    return 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`cfpmatch: unknown command "${name}" (try cfpmatch --help)`);
    return 2;
  }
  return (await load())(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const msg = err instanceof Error ? err.message : String(err);
  console.error(`cfpmatch: ${isCfpError(err) ? `${err.code}: ` : ''}${msg.split('\n')[0]}`);
  const argError = typeof err === 'object' && err !== null && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
  process.exitCode = argError ? 2 : exitCodeOf(err);
}
