/**
 * `cfpmatch calls papers`: a call's exemplar papers (published articles the ranking uses as evidence).
 * The file is read and every line checked before the model loads, so a bad file fails fast and
 * leaves the call as it was.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFileStore } from '../../adapters/node/file-store.js';
import { createError } from '../../core/errors.js';
import { parsePapersJsonl } from '../../core/papers/jsonl.js';
import { addPapers, removePapers } from '../../core/papers/ops.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { readInput, table, truncate } from '../io.js';

export const PAPERS_HELP = `Usage: cfpmatch calls papers <add|list|remove> <call-id> [...] [--json]

  add <id> <papers.jsonl>     attach published papers to a call and index them; one JSON
                              object a line: {"title", "abstract"?, "keywords"?, "doi"?, "url"?}
                              ("-" reads stdin). A paper with the DOI or the title of one the
                              call has is kept once; a bad line is named by its number and
                              nothing is stored. At most 1000 papers a call.
  list <id>                   the call's papers (id, title, DOI)
  remove <id> <paper-id>...   remove papers by id (see list)
  remove <id> --all           remove every paper of the call

Options:
  --json          machine-readable output
  -h, --help      this help`;

/**
 * @example
 * await callsPapersCommand(['add', 'ieee-network-lam-ioe', 'papers.jsonl']);
 */
export async function callsPapersCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [sub, callId, ...rest] = positionals;
  if (values.help) {
    console.log(PAPERS_HELP);
    return 0;
  }
  if (!sub || !callId) {
    console.error(PAPERS_HELP);
    return 2;
  }
  const opts = envOptions();
  const store = createFileStore({ dir: join(opts.dataDir ?? 'data', 'calls') });
  // The call must exist before anything is read or a model loaded.
  const stored = await store.get(callId);
  if (!stored) throw createError('UNKNOWN_CALL', `no call with id "${callId}" (see cfpmatch calls list)`);
  switch (sub) {
    case 'list': {
      const papers = stored.papers ?? [];
      if (values.json) console.log(JSON.stringify({ call_id: callId, papers: papers.map(({ abstract: _a, keywords: _k, ...p }) => p) }, null, 2));
      else if (!papers.length) console.log(`${callId} has no papers (add some with: cfpmatch calls papers add ${callId} papers.jsonl)`);
      else console.log(table(['id', 'title', 'doi', 'source'], papers.map((p) => [p.id, truncate(p.title, 70), p.doi ?? '-', p.source])));
      return 0;
    }
    case 'add': {
      const [file] = rest;
      if (!file) throw createError('BAD_INPUT', 'calls papers add needs a papers file (JSON Lines)');
      const papers = parsePapersJsonl(await readInput(file), file === '-' ? 'stdin' : file);
      return withRuntime(async (rt) => {
        const r = await addPapers(rt.matcher, callId, papers, 'manual');
        if (values.json) console.log(JSON.stringify(r));
        else console.log(`added ${r.added} paper${r.added === 1 ? '' : 's'} to ${callId}${r.duplicates ? ` (${r.duplicates} already there or repeated, kept once)` : ''}; it has ${r.total}`);
      });
    }
    case 'remove': {
      if (!values.all && rest.length === 0) throw createError('BAD_INPUT', 'calls papers remove needs paper ids (see calls papers list) or --all');
      if (values.all && rest.length) throw createError('BAD_INPUT', 'give paper ids or --all, not both');
      return withRuntime(async (rt) => {
        const r = await removePapers(rt.matcher, callId, values.all ? undefined : rest);
        console.log(values.json ? JSON.stringify(r) : `removed ${r.removed} paper${r.removed === 1 ? '' : 's'} from ${callId}; it has ${r.total}`);
      });
    }
    default:
      throw createError('BAD_INPUT', `unknown calls papers subcommand "${sub}" (add, list, remove)`);
  }
}

async function withRuntime(fn: (rt: Awaited<ReturnType<typeof createNodeRuntime>>) => Promise<void>): Promise<number> {
  const rt = await createNodeRuntime(envOptions());
  try {
    await fn(rt);
    await rt.persist();
    return 0;
  } finally {
    await rt.dispose();
  }
}
