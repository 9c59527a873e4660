import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCfp } from '../../core/cfp/parse.js';
import { createError } from '../../core/errors.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { table, truncate } from '../io.js';

const HELP = `Usage: cfpmatch calls <list|show <id>|add <cfp.txt> [--id <id>]> [--json]

  list            the calls in DATA_DIR/calls
  show <id>       one call's parsed fields
  add <cfp.txt>   parse a CFP text file, store it in DATA_DIR/calls and index it
                  (--dry-run prints the parsed call without storing it)`;

export async function callsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, id: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [sub, arg] = positionals;
  if (values.help || !sub) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (sub === 'add' && values['dry-run']) {
    if (!arg) throw createError('BAD_INPUT', 'calls add needs a CFP text file');
    const call = parseCfp(await readFile(arg, 'utf8'), values.id ? { id: values.id } : {});
    console.log(JSON.stringify({ ...call, source_text: undefined }, null, 2));
    return 0;
  }
  const rt = await createNodeRuntime(envOptions());
  try {
    switch (sub) {
      case 'list': {
        const calls = rt.matcher.listCalls();
        if (values.json) console.log(JSON.stringify(calls.map(({ source_text: _s, ...c }) => c), null, 2));
        else console.log(table(['id', 'title', 'deadline', 'topics'], calls.map((c) => [c.id, truncate(c.title, 70), c.dates.submission_deadline ?? '-', String(c.topics.length)])));
        return 0;
      }
      case 'show': {
        if (!arg) throw createError('BAD_INPUT', 'calls show needs a call id');
        const { source_text: _s, ...call } = rt.matcher.getCall(arg);
        console.log(JSON.stringify(call, null, 2));
        return 0;
      }
      case 'add': {
        if (!arg) throw createError('BAD_INPUT', 'calls add needs a CFP text file');
        let text: string;
        try {
          text = await readFile(arg, 'utf8');
        } catch {
          throw createError('BAD_INPUT', `cannot read ${arg}`);
        }
        const id = values.id ?? basename(arg).replace(/\.[^.]+$/, '');
        const call = await rt.matcher.ingest(parseCfp(text, { id }));
        await rt.persist();
        console.log(values.json ? JSON.stringify({ ...call, source_text: undefined }) : `added ${call.id}: ${call.title} (${call.topics.length} topics)`);
        for (const w of call.warnings) console.error(`warning: ${w}`);
        return 0;
      }
      default:
        throw createError('BAD_INPUT', `unknown calls subcommand "${sub}" (list, show, add)`);
    }
  } finally {
    await rt.dispose();
  }
}
