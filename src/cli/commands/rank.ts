import { parseArgs } from 'node:util';
import { createError } from '../../core/errors.js';
import { Draft, RankOptions, type RankResponse } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { loadCalls } from '../load-calls.js';
import { readInput, table, truncate } from '../io.js';
import { rankBatch } from './rank-batch.js';

export const RANK_HELP = `Usage: cfpmatch rank [draft.json|draft.txt|-] [options]
       cfpmatch rank --batch drafts.jsonl [--out ranked.jsonl] [options]

Rank calls for one draft, read from the file or from stdin: JSON
{"title", "abstract", "keywords"?}, or plain text (a first line followed by a
blank line is the title, the rest the abstract).

With --batch, rank one draft per JSONL line ({"id"?, "title", "abstract",
"keywords"?}) and write one JSON line per draft ({"line", "id"?, "as_of",
"results"}) to --out or stdout as each is ranked. Bad lines are reported on
stderr with their line number and skipped; the exit status is then 2.
A progress bar is drawn on stderr when it is a terminal.

Options:
  --batch <in.jsonl>         rank many drafts, streaming
  --out <out.jsonl>          where --batch writes (default stdout)
  --calls <dir|calls.jsonl>  rank against these calls instead of DATA_DIR/calls
  --top-k <n>                how many calls to show (default 10)
  --as-of <YYYY-MM-DD>       date for deadline status (default today)
  --open-only                leave out closed calls
  --json                     machine-readable output (one draft)
  -h, --help                 this help`;

export async function rankCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      batch: { type: 'string' },
      out: { type: 'string' },
      calls: { type: 'string' },
      'top-k': { type: 'string' },
      'as-of': { type: 'string' },
      'open-only': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(RANK_HELP);
    return 0;
  }
  if (values.out && !values.batch) throw createError('BAD_INPUT', '--out is for --batch; one draft is printed to stdout');
  if (values.batch && positionals.length) throw createError('BAD_INPUT', 'give either --batch <file> or one draft, not both');
  const opts: Partial<RankOptions> = {
    ...(values['top-k'] !== undefined ? { top_k: Number(values['top-k']) } : {}),
    ...(values['as-of'] ? { as_of: values['as-of'] } : {}),
    ...(values['open-only'] ? { open_only: true } : {}),
  };
  // Validated here, once, before loading the model, so bad input fails fast.
  const options = parseOrThrow(RankOptions, opts, 'options');
  const raw = values.batch ? undefined : parseDraft(await readInput(positionals[0]));
  const draft = raw ? parseOrThrow(Draft, { title: raw.title, abstract: raw.abstract, keywords: raw.keywords }, 'draft') : undefined;
  const calls = values.calls ? await loadCalls(values.calls) : undefined;
  const rt = await createNodeRuntime({ ...envOptions(), ...(calls ? { calls } : {}) });
  try {
    if (values.batch) {
      const { ranked, skipped } = await rankBatch(rt.matcher, values.batch, values.out, options);
      console.error(`ranked ${ranked} draft${ranked === 1 ? '' : 's'}${skipped ? `, skipped ${skipped} bad line${skipped === 1 ? '' : 's'}` : ''}${values.out ? ` -> ${values.out}` : ''}`);
      return skipped ? 2 : 0;
    }
    if (!draft) throw createError('BAD_INPUT', 'no draft given');
    const res = await rt.matcher.rank({ ...draft, ...options });
    console.log(values.json ? JSON.stringify(res, null, 2) : formatRanking(res));
    return 0;
  } finally {
    await rt.dispose();
  }
}

/**
 * A draft from JSON, or from plain text (title, blank line, abstract).
 *
 * @example
 * parseDraft('My title\n\nWe study x.') // { title: 'My title', abstract: 'We study x.' }
 */
export function parseDraft(text: string): Record<string, unknown> {
  const trimmed = text.trim();
  if (!trimmed) throw createError('BAD_INPUT', 'the draft is empty');
  if (trimmed.startsWith('{')) {
    let obj: unknown;
    try {
      obj = JSON.parse(trimmed);
    } catch {
      throw createError('BAD_INPUT', 'the draft looks like JSON but is not valid JSON');
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw createError('BAD_INPUT', 'the draft must be a JSON object');
    return obj as Record<string, unknown>;
  }
  const m = /^([^\n]+)\n\s*\n([\s\S]+)$/.exec(trimmed);
  return m ? { title: (m[1] ?? '').trim(), abstract: (m[2] ?? '').trim() } : { abstract: trimmed };
}

export function formatRanking(res: RankResponse): string {
  const rows = res.results.map((r, i) => [
    String(i + 1),
    r.fit.toFixed(1),
    truncate(r.title, 60),
    r.deadline.state === 'open' || r.deadline.state === 'closing_soon' ? `${r.deadline.state.replace('_', ' ')} (${r.deadline.days_left}d)` : r.deadline.state,
    truncate(r.matched_topics[0]?.topic ?? '-', 50),
    r.requirements.filter((q) => !q.ok).map((q) => q.rule).join(',') || 'ok',
  ]);
  return `${table(['#', 'fit', 'call', 'deadline', 'best topic', 'requirements'], rows)}\n(${res.total_calls} calls, as of ${res.as_of}, ${res.embedder}, ${res.timing_ms.total} ms)`;
}
