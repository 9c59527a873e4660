import { parseArgs } from 'node:util';
import type { RankResponse } from '../../core/schema.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { loadCalls } from '../load-calls.js';
import { parseJsonInput, readInput, table, truncate } from '../io.js';

export const RANK_HELP = `Usage: cfpmatch rank [draft.json] [options]

Rank calls for one draft. The draft is JSON {"title", "abstract", "keywords"?}
read from the file or from stdin.

Options:
  --calls <dir|calls.jsonl>  rank against these calls instead of the bundled ones
  --top-k <n>                how many calls to show (default 10)
  --as-of <YYYY-MM-DD>       date for deadline status (default today)
  --open-only                leave out closed calls
  --json                     machine-readable output
  -h, --help                 this help`;

export async function rankCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
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
  const draft = parseJsonInput(await readInput(positionals[0]), 'the draft');
  const calls = values.calls ? await loadCalls(values.calls) : undefined;
  const rt = await createNodeRuntime({ ...envOptions(), ...(calls ? { calls } : {}) });
  try {
    const res = await rt.matcher.rank({
      ...(typeof draft === 'object' && draft !== null ? draft : { abstract: draft }),
      ...(values['top-k'] ? { top_k: Number(values['top-k']) } : {}),
      ...(values['as-of'] ? { as_of: values['as-of'] } : {}),
      ...(values['open-only'] ? { open_only: true } : {}),
    });
    console.log(values.json ? JSON.stringify(res, null, 2) : formatRanking(res));
    return 0;
  } finally {
    await rt.dispose();
  }
}

export function formatRanking(res: RankResponse): string {
  const rows = res.results.map((r, i) => [
    String(i + 1),
    r.fit.toFixed(1),
    truncate(r.title, 60),
    r.deadline.state === 'open' ? `open (${r.deadline.days_left}d)` : r.deadline.state,
    truncate(r.matched_topics[0]?.topic ?? '-', 50),
    r.requirements.filter((q) => !q.ok).map((q) => q.rule).join(',') || 'ok',
  ]);
  return `${table(['#', 'fit', 'call', 'deadline', 'best topic', 'requirements'], rows)}\n(${res.total_calls} calls, as of ${res.as_of}, ${res.embedder}, ${res.timing_ms.total} ms)`;
}
