import { extname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { nodeDraftReaders } from '../../adapters/node/draft-readers.js';
import { extractDraft } from '../../core/draft-file/index.js';
import { createError } from '../../core/errors.js';
import { exportRanking } from '../../core/export/ranking.js';
import { assertFilterWindow, summarizeFilters } from '../../core/rank/filters.js';
import { Draft, RankOptions } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { loadCalls } from '../load-calls.js';
import { readInput } from '../io.js';
import { rankBatch } from './rank-batch.js';
import { formatRanking } from './rank-format.js';

export const RANK_HELP = `Usage: cfpmatch rank [draft.json|draft.txt|paper.pdf|paper.docx|paper.tex|paper.md|-] [options]
       cfpmatch rank --batch drafts.jsonl [--out ranked.jsonl] [options]

Rank calls for one draft, read from the file or from stdin: JSON
{"title", "abstract", "keywords"?}, plain text (a first line followed by a
blank line is the title, the rest the abstract), or a paper: PDF, Word
(.docx), LaTeX (.tex) or Markdown (.md). From a paper the title, abstract and
keywords are found and printed on stderr for checking before the ranking
(correct them with --title, --abstract, --keywords). Files are read in memory.

With --batch, rank one draft per JSONL line ({"id"?, "title", "abstract",
"keywords"?}) and write one JSON line per draft ({"line", "id"?, "as_of",
"results"}) to --out or stdout as each is ranked. Bad lines are reported on
stderr with their line number and skipped; the exit status is then 2 (as for
cfpmatch triage). A progress bar with the time left is drawn on stderr when it
is a terminal.

Options:
  --batch <in.jsonl>         rank many drafts, streaming
  --out <out.jsonl>          where --batch writes (default stdout)
  --calls <dir|calls.jsonl>  rank against these calls instead of DATA_DIR/calls
  --top-k <n>                how many calls to show (default 10)
  --as-of <YYYY-MM-DD>       date for deadline status (default today)
  --open-only                leave out closed calls
  --publisher <name>         only calls of this publisher (repeat for several)
  --venue <name>             only calls of this venue (repeat for several)
  --deadline-after <date>    only calls whose deadline is on or after the date
  --deadline-before <date>   only calls whose deadline is on or before the date
  --title, --abstract, --keywords <a,b>   override the draft's fields
  --format <table|json|csv|md>  output of one draft (default table)
  --json                     same as --format json
  -h, --help                 this help`;

const PAPER_KINDS = new Set(['.pdf', '.docx', '.tex', '.latex', '.ltx', '.md', '.markdown']);

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
      publisher: { type: 'string', multiple: true },
      venue: { type: 'string', multiple: true },
      'deadline-after': { type: 'string' },
      'deadline-before': { type: 'string' },
      title: { type: 'string' },
      abstract: { type: 'string' },
      keywords: { type: 'string' },
      format: { type: 'string' },
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
  const format = values.json ? 'json' : (values.format ?? 'table');
  if (!['table', 'json', 'csv', 'md'].includes(format)) throw createError('BAD_INPUT', `--format must be table, json, csv or md (got "${format}")`);
  const opts = parseOrThrow(RankOptions, {
    ...(values['top-k'] !== undefined ? { top_k: Number(values['top-k']) } : {}),
    ...(values['as-of'] ? { as_of: values['as-of'] } : {}),
    ...(values['open-only'] ? { open_only: true } : {}),
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values.venue ? { venue: values.venue } : {}),
    ...(values['deadline-after'] ? { deadline_after: values['deadline-after'] } : {}),
    ...(values['deadline-before'] ? { deadline_before: values['deadline-before'] } : {}),
  }, 'options');
  assertFilterWindow(opts, { after: '--deadline-after', before: '--deadline-before' });
  // Validated here, once, before loading the model, so bad input fails fast.
  const raw = values.batch ? undefined : { ...(await readDraft(positionals[0])), ...overrides(values) };
  const draft = raw ? parseOrThrow(Draft, { title: raw.title, abstract: raw.abstract, keywords: raw.keywords }, 'draft') : undefined;
  const calls = values.calls ? await loadCalls(values.calls) : undefined;
  const rt = await createNodeRuntime({ ...envOptions(), ...(calls ? { calls } : {}) });
  try {
    if (values.batch) {
      const { ranked, skipped } = await rankBatch(rt.matcher, values.batch, values.out, opts);
      console.error(`ranked ${ranked} draft${ranked === 1 ? '' : 's'}${skipped ? `, skipped ${skipped} bad line${skipped === 1 ? '' : 's'}` : ''}${values.out ? ` -> ${values.out}` : ''}`);
      return skipped ? 2 : 0;
    }
    if (!draft) throw createError('BAD_INPUT', 'no draft given');
    const ranking = await rt.matcher.rank({ ...draft, ...opts });
    const res = { ...ranking, filters: summarizeFilters(rt.matcher.listCalls(), opts, ranking.as_of, ranking.results.length) };
    console.log(format === 'table' ? formatRanking(res) : exportRanking(res, format as 'json' | 'csv' | 'md').replace(/^\uFEFF/, '').trimEnd());
    return 0;
  } finally {
    await rt.dispose();
  }
}

function overrides(v: { title?: string | undefined; abstract?: string | undefined; keywords?: string | undefined }): Record<string, unknown> {
  return {
    ...(v.title !== undefined ? { title: v.title } : {}),
    ...(v.abstract !== undefined ? { abstract: v.abstract } : {}),
    ...(v.keywords !== undefined ? { keywords: v.keywords.split(/[,;]/).map((k) => k.trim()).filter(Boolean) } : {}),
  };
}

/** A draft from a JSON or text file (or stdin), or the fields found in a paper (PDF, Word, LaTeX, Markdown), shown on stderr. */
async function readDraft(path: string | undefined): Promise<Record<string, unknown>> {
  if (!path || !PAPER_KINDS.has(extname(path).toLowerCase())) return parseDraft(await readInput(path));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    throw createError('BAD_INPUT', `cannot read ${path}`);
  }
  const x = await extractDraft({ name: path, bytes }, nodeDraftReaders());
  // Shown for checking (stderr, so stdout stays the ranking); the user's own file, not logged anywhere.
  console.error(`read ${x.source.name} (${x.source.kind}${x.source.pages ? `, ${x.source.pages} page${x.source.pages === 1 ? '' : 's'}` : ''}):\n  title: ${x.title || '(none found)'}\n  abstract: ${x.abstract.split(/\s+/).filter(Boolean).length} words: ${x.abstract.slice(0, 100)}${x.abstract.length > 100 ? '…' : ''}\n  keywords: ${x.keywords.join('; ') || '(none found)'}`);
  for (const w of x.warnings) console.error(`  note: ${w}`);
  return { title: x.title, abstract: x.abstract, keywords: x.keywords };
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
