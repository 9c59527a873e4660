import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFileStore } from '../../adapters/node/file-store.js';
import { readFile } from 'node:fs/promises';
import { readTextFile } from '../../adapters/node/text-file.js';
import { decodeHtml, parseCfpHtml } from '../../core/cfp/index.js';
import { parseCfp } from '../../core/cfp/parse.js';
import { createError } from '../../core/errors.js';
import { explainerFromEnv, extractCallWithLlm, NOT_CONFIGURED } from '../../core/explain/index.js';
import { deadlineStatus, todayIso } from '../../core/rank/deadline.js';
import { CallId, type Call } from '../../core/schema.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { table, truncate } from '../io.js';
import { formatCall } from './format-call.js';

const HELP = `Usage: cfpmatch calls <list|show <id>|add <cfp.txt|page.html> [--id <id>]|import <url|file>|refresh|papers ...> [--json]

  list            the calls in DATA_DIR/calls
  show <id>       one call's parsed fields (--json: the whole Call)
  add <cfp.txt>   parse a CFP text file, store it in DATA_DIR/calls and index it
  add <page.html> the same for a saved web page (.html/.htm, or any file that
                  starts like HTML); --url <url> says where it came from, which
                  picks the publisher reader
                  (--id sets the call id, default the file name with spaces
                   and other characters an id cannot hold turned into "-";
                   --dry-run prints the parsed call without storing it;
                   --llm extracts the fields with the LLM set by LLM_BASE_URL and
                   LLM_MODEL, with the rule-based parser as fallback and cross-check:
                   fields where the two disagree are printed on stderr)
  import <url|file>  import calls from a page, feed, listing or JSON/CSV file
                  (cfpmatch calls import --help)
  refresh         re-check every source of DATA_DIR/sources.json|yaml
  papers add|list|remove <id> ...
                  a call's published papers, used as ranking evidence
                  (cfpmatch calls papers --help)

Options:
  --json          machine-readable output
  -h, --help      this help`;

const withoutSource = ({ source_text: _s, ...c }: Call): Omit<Call, 'source_text'> => c;

/** `cfpmatch calls`: list and show read the stored calls without loading a model; add parses, stores and indexes. */
export async function callsCommand(argv: string[]): Promise<number> {
  // import and refresh have options of their own (calls-import.ts).
  const first = argv.findIndex((a) => !a.startsWith('-'));
  if (argv[first] === 'import' || argv[first] === 'refresh') {
    const { callsImportCommand, callsRefreshCommand } = await import('./calls-import.js');
    const rest = argv.filter((_, i) => i !== first);
    return argv[first] === 'import' ? callsImportCommand(rest) : callsRefreshCommand(rest);
  }
  // Its own options (--all): parsed there.
  if (argv[0] === 'papers') return (await import('./calls-papers.js')).callsPapersCommand(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, id: { type: 'string' }, url: { type: 'string' }, 'dry-run': { type: 'boolean' }, llm: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
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
      else if (!calls.length) console.log(`No calls in ${join(opts.dataDir ?? 'data', 'calls')} yet. Add one with: cfpmatch calls add cfp.txt`);
      else {
        const today = todayIso();
        const state = (c: Call) => {
          const d = deadlineStatus(c, today);
          return d.state === 'open' ? `open (${d.days_left}d)` : d.state.replace(/_/g, ' ');
        };
        console.log(table(['id', 'title', 'deadline', 'status', 'topics'], calls.map((c) => [c.id, truncate(c.title, 70), c.dates.submission_deadline ?? '-', state(c), String(c.topics.length)])));
      }
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
      return addCall(arg, values.id, { dryRun: Boolean(values['dry-run']), json: Boolean(values.json), llm: Boolean(values.llm), ...(values.url ? { url: values.url } : {}) });
    default:
      throw createError('BAD_INPUT', `unknown calls subcommand "${sub}" (list, show, add, import, refresh)`);
  }
}

/** A saved web page: an .html/.htm name, or bytes that start like an HTML document. */
function isHtmlFile(file: string, bytes: Uint8Array): boolean {
  if (/\.x?html?$/i.test(file)) return true;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

async function addCall(file: string | undefined, id: string | undefined, opts: { dryRun: boolean; json: boolean; llm: boolean; url?: string }): Promise<number> {
  const { dryRun, json } = opts;
  if (!file) throw createError('BAD_INPUT', 'calls add needs a CFP text file or a saved web page');
  const callId = callIdFor(file, id);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    throw createError('BAD_INPUT', `cannot read ${file}`);
  }
  // Parse before loading the model, so a bad CFP fails fast.
  let parsed: Call;
  if (isHtmlFile(file, bytes)) {
    if (opts.llm) throw createError('BAD_INPUT', '--llm works on CFP text; for a web page, run without --llm');
    parsed = parseCfpHtml(decodeHtml(bytes), { id: callId, ...(opts.url ? { url: opts.url } : {}) });
  } else {
    const text = await readTextFile(file);
    parsed = opts.llm ? await extractWithLlm(text, callId) : parseCfp(text, { id: callId });
  }
  if (dryRun) {
    console.log(JSON.stringify(withoutSource(parsed), null, 2));
    return 0;
  }
  const rt = await createNodeRuntime(envOptions());
  try {
    // Adding under an id that exists replaces that call: say so, with the title it had.
    const before = rt.matcher.listCalls().find((c) => c.id === parsed.id);
    const call = await rt.matcher.ingest(parsed);
    await rt.persist();
    const was = before && before.title !== call.title ? ` (was: ${before.title})` : '';
    const listed = parsed.papers?.length ? `, ${parsed.papers.length} published papers from the page` : '';
    console.log(json ? JSON.stringify(withoutSource(call)) : `${before ? 'replaced' : 'added'} ${call.id}: ${call.title} (${call.topics.length} topics${listed})${was}`);
    for (const w of call.warnings) console.error(`warning: ${w}`);
    return 0;
  } finally {
    await rt.dispose();
  }
}

/**
 * The id of an added call: `--id` as given (refused with the rule when it is not a valid id), else
 * the file name without its extension, with runs of characters an id cannot hold (spaces, brackets:
 * "Causal CFP (1).txt" as a browser saves it) turned into "-".
 *
 * @example
 * callIdFor('/tmp/Causal CFP (1).txt', undefined) // 'Causal-CFP-1'
 */
function callIdFor(file: string, id: string | undefined): string {
  if (id !== undefined) {
    const ok = CallId.safeParse(id);
    if (!ok.success) throw createError('BAD_INPUT', `--id "${id}": ${ok.error.issues.map((i) => i.message).join('; ')}`);
    return id;
  }
  const fromName = basename(file).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[^A-Za-z0-9]+|-+$/g, '').slice(0, 200);
  if (!CallId.safeParse(fromName).success) throw createError('BAD_INPUT', `cannot make a call id from the file name "${basename(file)}": give one with --id`);
  return fromName;
}

/** LLM extraction with the rule-based parser as fallback; disagreements between the two go to stderr. */
async function extractWithLlm(text: string, id: string): Promise<Call> {
  const explainer = explainerFromEnv(process.env);
  if (!explainer) throw createError('LLM_UNAVAILABLE', NOT_CONFIGURED);
  const { call, source, disagreements, llm_error } = await extractCallWithLlm(text, explainer.model, { id });
  if (llm_error) console.error(`warning: LLM extraction failed (${llm_error.code}: ${llm_error.message}); used the rule-based parser`);
  else console.error(`extracted by ${source}`);
  for (const d of disagreements) console.error(`disagreement: ${d.field}: llm=${JSON.stringify(d.llm)} parser=${JSON.stringify(d.parser)}`);
  return call;
}
