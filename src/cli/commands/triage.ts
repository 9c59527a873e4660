import { parseArgs } from 'node:util';
import { createError } from '../../core/errors.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { checkInput, runTriageBatch, type TriageBatchSummary } from './triage-batch.js';

export const HELP = `Usage: cfpmatch triage --call <id> <submissions.jsonl|.csv> [--out <report.csv|.jsonl>] [options]

Editor triage: an in-scope verdict (in_scope, borderline, out_of_scope) with a
calibrated probability, matched and unmatched topics and a one-line reason for
every submission, streamed from the input to the report (any number of rows).

Input rows: {"id"?, "title", "abstract", "keywords"?} per JSONL line, or CSV
with columns id,title,abstract,keywords (keywords separated by ";"). A row
without an id gets "line-<n>". A bad row is reported on stderr with its line
number and skipped; the exit status is then 2 (as for cfpmatch rank --batch).
Without --out the report goes to stdout (CSV, or --format jsonl) and the
summary to stderr. A progress bar with the time left is drawn on stderr when
it is a terminal.

Options:
  --call <id>          the call to triage against (required)
  --out <file>         report, .csv or .jsonl (default: stdout)
  --format <csv|jsonl> report format on stdout (default csv)
  --resume             keep the report and skip rows whose id is already in it (needs --out)
  --in-scope <p>       threshold for in_scope (default 0.5, or the call's own)
  --borderline <p>     threshold for borderline (default 0.25, or the call's own)
  --json               print the summary as JSON
  -h, --help           this help`;

/** `cfpmatch triage`: batch triage of a submissions file. Returns the exit code. */
export async function triageCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      call: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      resume: { type: 'boolean' },
      'in-scope': { type: 'string' },
      borderline: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const input = positionals[0];
  if (!values.call || !input) throw createError('BAD_INPUT', 'give --call <id> and a submissions file (see cfpmatch triage --help)');
  if (values.format !== undefined && values.format !== 'csv' && values.format !== 'jsonl') throw createError('BAD_INPUT', `--format must be csv or jsonl (got "${values.format}")`);
  if (values.resume && !values.out) throw createError('BAD_INPUT', '--resume needs --out <report>: it appends to that file');
  if (values.format && values.out) throw createError('BAD_INPUT', '--format is for stdout; with --out the file name says the format (.csv or .jsonl)');
  const thresholds = {
    ...(values['in-scope'] !== undefined ? { in_scope: probabilityArg('--in-scope', values['in-scope']) } : {}),
    ...(values.borderline !== undefined ? { borderline: probabilityArg('--borderline', values.borderline) } : {}),
  };
  await checkInput(input); // a missing file, or a CSV without an abstract column, fails before the calls and the model load
  const rt = await createNodeRuntime(envOptions());
  try {
    const summary = await runTriageBatch({
      matcher: rt.matcher, callId: values.call, input, resume: Boolean(values.resume), thresholds,
      ...(values.out ? { out: values.out } : { format: values.format === 'jsonl' ? 'jsonl' as const : 'csv' as const }),
    });
    const text = values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary);
    // With the report on stdout, the summary goes to stderr so the report stays clean.
    if (values.out) console.log(text);
    else console.error(text);
    return summary.bad_rows ? 2 : 0;
  } finally {
    await rt.dispose();
  }
}

function probabilityArg(name: string, raw: string): number {
  const p = Number(raw);
  if (!Number.isFinite(p) || p < 0 || p > 1) throw createError('BAD_INPUT', `${name} must be a probability between 0 and 1`);
  return p;
}

export function formatSummary(s: TriageBatchSummary): string {
  const v = s.verdicts;
  return [
    `triaged ${s.triaged} submissions for ${s.call_id} in ${s.seconds} s -> ${s.out === '-' ? 'stdout' : s.out}`,
    `  in_scope ${v.in_scope}  borderline ${v.borderline}  out_of_scope ${v.out_of_scope}`,
    `  bad rows ${s.bad_rows}  already in the report ${s.skipped_existing}  (thresholds: in_scope ${s.thresholds.in_scope}, borderline ${s.thresholds.borderline})`,
  ].join('\n');
}
