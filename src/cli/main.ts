#!/usr/bin/env node
/**
 * The `cfpmatch` command. Each subcommand lives in commands/; errors print one
 * line (`cfpmatch: <code>: <message>`) and exit non-zero with the code's exit status.
 */
import { exitCodeOf, isCfpError } from '../core/errors.js';
import { callsCommand } from './commands/calls.js';
import { indexCommand } from './commands/index-cmd.js';
import { rankCommand } from './commands/rank.js';
import { serveCommand } from './commands/serve.js';

export const HELP = `Usage: cfpmatch <command> [options]

Match a draft paper to journal special-issue calls for papers.

Commands:
  serve                  run the HTTP API and web page (HOST, PORT, DATA_DIR)
  rank [draft.json]      rank calls for one draft (JSON on stdin or in a file)
  calls list|show|add    list the calls, show one, add a CFP text file
  index rebuild          re-embed every call and save the index

Run 'cfpmatch <command> --help' for a command's options.
Environment: DATA_DIR (default data), EMBEDDER=auto|onnx|use-lite, MODELS_DIR.`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  rank: rankCommand,
  calls: callsCommand,
  index: indexCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`cfpmatch: unknown command "${name}" (try cfpmatch --help)`);
    return 2;
  }
  return command(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const msg = err instanceof Error ? err.message : String(err);
  console.error(`cfpmatch: ${isCfpError(err) ? `${err.code}: ` : ''}${msg.split('\n')[0]}`);
  const argError = typeof err === 'object' && err !== null && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
  process.exitCode = argError ? 2 : exitCodeOf(err);
}
