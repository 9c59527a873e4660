import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFileStore } from '../../adapters/node/file-store.js';
import { parseCfp } from '../../core/cfp/parse.js';
import { createError } from '../../core/errors.js';
import type { Call } from '../../core/schema.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { table, truncate } from '../io.js';
import { formatCall } from './format-call.js';

const HELP = `Usage: cfpmatch calls <list|show <id>|add <cfp.txt> [--id <id>]> [--json]

  list            the calls in DATA_DIR/calls
  show <id>       one call's parsed fields (--json: the whole Call)
  add <cfp.txt>   parse a CFP text file, store it in DATA_DIR/calls and index it
                  (--id sets the call id, default the file name;
                   --dry-run prints the parsed call without storing it)

Options:
  --json          machine-readable output
  -h, --help      this help`;

const withoutSource = ({ source_text: _s, ...c }: Call): Omit<Call, 'source_text'> => c;

/** `cfpmatch calls`: list and show read the stored calls without loading a model; add parses, stores and indexes. */
export async function callsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, id: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [sub, arg] = positionals;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!sub) {
    console.error(HELP);
    return 2;
  }
  const opts = envOptions();
  const store = createFileStore({ dir: join(opts.dataDir ?? 'data', 'calls') });
  switch (sub) {
    case 'list': {
      const calls = (await store.list()).sort((a, b) => (a.id < b.id ? -1 : 1));
      if (values.json) console.log(JSON.stringify(calls.map(withoutSource), null, 2));
      else console.log(table(['id', 'title', 'deadline', 'topics'], calls.map((c) => [c.id, truncate(c.title, 70), c.dates.submission_deadline ?? '-', String(c.topics.length)])));
      return 0;
    }
    case 'show': {
      if (!arg) throw createError('BAD_INPUT', 'calls show needs a call id');
      const call = await store.get(arg);
      if (!call) throw createError('UNKNOWN_CALL', `no call with id "${arg}" (see cfpmatch calls list)`);
      console.log(values.json ? JSON.stringify(withoutSource(call), null, 2) : formatCall(withoutSource(call)));
      return 0;
    }
    case 'add':
      return addCall(arg, values.id, Boolean(values['dry-run']), Boolean(values.json));
    default:
      throw createError('BAD_INPUT', `unknown calls subcommand "${sub}" (list, show, add)`);
  }
}

async function addCall(file: string | undefined, id: string | undefined, dryRun: boolean, json: boolean): Promise<number> {
  if (!file) throw createError('BAD_INPUT', 'calls add needs a CFP text file');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw createError('BAD_INPUT', `cannot read ${file}`);
  }
  // Parse before loading the model, so a bad CFP fails fast.
  const parsed = parseCfp(text, { id: id ?? basename(file).replace(/\.[^.]+$/, '') });
  if (dryRun) {
    console.log(JSON.stringify(withoutSource(parsed), null, 2));
    return 0;
  }
  const rt = await createNodeRuntime(envOptions());
  try {
    const call = await rt.matcher.ingest(parsed);
    await rt.persist();
    console.log(json ? JSON.stringify(withoutSource(call)) : `added ${call.id}: ${call.title} (${call.topics.length} topics)`);
    for (const w of call.warnings) console.error(`warning: ${w}`);
    return 0;
  } finally {
    await rt.dispose();
  }
}
