import { parseArgs } from 'node:util';
import { createError } from '../../core/errors.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { runTriageBatch, type TriageBatchSummary } from './triage-batch.js';

export const HELP = `Usage: cfpmatch triage --call <id> <submissions.jsonl|.csv> --out <report.csv|.jsonl> [options]

Editor triage: an in-scope verdict (in_scope, borderline, out_of_scope) with a
calibrated probability, matched and unmatched topics and a one-line reason for
every submission, streamed from the input to the report (any number of rows).

Input rows: {"id"?, "title", "abstract", "keywords"?} per JSONL line, or CSV
with columns id,title,abstract,keywords (keywords separated by ";"). A row
without an id gets "line-<n>". A bad row is reported on stderr with its line
number and skipped.

Options:
  --call <id>          the call to triage against (required)
  --out <file>         report, .csv or .jsonl (required)
  --resume             keep the report and skip rows whose id is already in it
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
  if (!values.call || !values.out || !input) throw createError('BAD_INPUT', 'give --call <id>, a submissions file and --out <report> (see cfpmatch triage --help)');
  const thresholds = {
    ...(values['in-scope'] !== undefined ? { in_scope: probabilityArg('--in-scope', values['in-scope']) } : {}),
    ...(values.borderline !== undefined ? { borderline: probabilityArg('--borderline', values.borderline) } : {}),
  };
  const rt = await createNodeRuntime(envOptions());
  try {
    const summary = await runTriageBatch({ matcher: rt.matcher, callId: values.call, input, out: values.out, resume: Boolean(values.resume), thresholds });
    console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    return 0;
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
    `triaged ${s.triaged} submissions for ${s.call_id} in ${s.seconds} s -> ${s.out}`,
    `  in_scope ${v.in_scope}  borderline ${v.borderline}  out_of_scope ${v.out_of_scope}`,
    `  bad rows ${s.bad_rows}  already in the report ${s.skipped_existing}  (thresholds: in_scope ${s.thresholds.in_scope}, borderline ${s.thresholds.borderline})`,
  ].join('\n');
}
