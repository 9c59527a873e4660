/**
 * The `eval` command: load the suite, embed through the on-disk cache, run
 * every scorer from one embedding pass, print a table, optionally write JSON,
 * a self-contained HTML report and one line per paper for error analysis.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createProgress } from '../cli/progress.js';
import { pooledIfAsked } from '../core/embed/pooled-embedder.js';
import { parseEmbedderKind, selectEmbedder } from '../adapters/node/select-embedder.js';
import { createCachedEmbedder } from './embed-cache.js';
import { loadCalibrations } from '../adapters/node/calibration-file.js';
import { calibrationFor } from '../core/rank/calibration.js';
import { loadEvalFiles } from './load.js';
import { formatCi95, formatDifference } from './metrics.js';
import { exemplarJson, formatExemplarTable, parseExemplars, runExemplarEval } from './exemplars.js';
import { formatFeedbackTable, parseCounts, simulateFeedback } from './feedback-sim.js';
import { formatLengthGroups, parseReduce } from './reduce.js';
import { loadReferencePopulation } from '../adapters/node/reference-file.js';
import { renderHtmlReport } from './report-html.js';
import type { EvalPaper } from './load.js';
import type { EvalResult } from './run.js';
import { runEval } from './run.js';
import { DEFAULT_SCORER, DEFAULT_SCORER_SET, SCORERS } from './scorers.js';

export const EVAL_HELP = `Usage: cfpmatch eval --calls <calls.jsonl> --papers <papers.jsonl> [options]

Rank every paper against all the given calls and report ranking and triage
quality for each scorer (all scored from one embedding pass per paper).

Options:
  --calls <file>      calls, one JSON object a line (id, title, description, topics, ...)
  --papers <file>     papers, one JSON object a line (id, title, abstract, call_id or null)
  --json <file>       write { metrics, by_scorer, extra } as JSON
  --html <file>       write a self-contained HTML report (ROC, histograms, reliability)
  --outcomes <file>   write one JSON line per paper: its label and, per scorer, the rank
                      of its call, the top call and that call's in-scope probability
  --scorer <name>     headline scorer (default ${DEFAULT_SCORER}; known: ${SCORERS.map((s) => s.name).join(', ')});
                      repeat to run only the named scorers (hybrid+evidence
                      embeds every sentence and is only run when named)
  --reduce titles=<s> cut a seeded share s of the calls to their title alone and report
                      acc@1/MRR apart for papers of cut calls and of the rest (and the gap);
                      sentences=<n> cuts every abstract to its first n sentences (short
                      drafts); both: titles=0.5,sentences=1
  --seed <n>          seed of --reduce and --exemplars (default 1)
  --exemplars <k,...> give each call k of its own papers as exemplars (seeded; a paper is never its
                      own exemplar and pooled papers are never scored) and report each k, e.g. 0,1,3,5
  --feedback <n,...>  simulate editors' decisions: per call, n labelled submissions (seeded) adjust
                      its triage; triage F1 and AUROC on the rest for each n, e.g. 0,5,20
  --exemplar-share <s> only a seeded share s of the calls get exemplars; papers of calls with and
                      without them are reported apart (default 1)
  --cache <dir>       embedding cache directory (default eval/.cache)
  --no-cache          do not read or write the embedding cache
  -h, --help          this help

The embedder follows EMBEDDER (auto | onnx | use-lite), as the service does.
Ranks are pessimistic under ties: a call tied with the right one counts as above it.`;

const COLUMNS = ['acc_at_1', 'acc_at_3', 'acc_at_5', 'mrr', 'ndcg_at_5', 'oos_auroc', 'triage_f1', 'ms_per_paper'] as const;

/** The stdout table: one row per scorer. */
export function formatEvalTable(res: EvalResult): string {
  const headers = ['scorer', ...COLUMNS, 'acc1_xlist'];
  const rows = Object.entries(res.by_scorer).map(([name, m]) => [
    name,
    ...COLUMNS.map((k) => (Number.isNaN(m[k]) ? '-' : m[k].toFixed(k === 'ms_per_paper' ? 1 : 3))),
    res.by_scorer_extra[name]?.acc_at_1_crosslist?.toFixed(3) ?? '-',
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const m = res.metrics;
  return [
    `papers: ${m.n_in_scope} in scope, ${m.n_out_of_scope} out of scope; triage threshold ${res.extra.threshold}`,
    line(headers),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    `95% intervals for ${res.extra.default_scorer} (bootstrap over papers): ${formatCi95(res.extra.ci95)}`,
    ...Object.entries(res.by_scorer_extra).flatMap(([name, x]) =>
      x.ci95_headline_minus_this ? [`  ${res.extra.default_scorer} minus ${name} (paired): ${formatDifference(x.ci95_headline_minus_this)}`] : [],
    ),
    ...(Object.values(res.by_scorer_extra).some((x) => x.length_groups) ? ['calls cut to their title (--reduce), in-scope papers by their call:'] : []),
    ...Object.entries(res.by_scorer_extra).flatMap(([name, x]) => (x.length_groups ? [formatLengthGroups(name, x.length_groups)] : [])),
  ].join('\n');
}

/** JSON written by --json: headline metrics (exact key set), per-scorer metrics, extras. */
export function evalJson(res: EvalResult): object {
  return {
    metrics: res.metrics,
    by_scorer: res.by_scorer,
    extra: { ...res.extra, by_scorer: res.by_scorer_extra },
  };
}

/**
 * One JSON line per paper, in input order: `{ id, call_id, in_scope, by_scorer: { <name>: { rank,
 * top_call, top_probability, crosslist_hit } } }` (`rank` null for out-of-scope papers).
 */
export function evalOutcomesJsonl(res: EvalResult, papers: readonly EvalPaper[]): string {
  const scorers = Object.entries(res.outcomes);
  return papers
    .map((p, i) => {
      const byScorer = Object.fromEntries(
        scorers.map(([name, list]) => {
          const o = list[i];
          if (o?.id !== p.id) throw new Error(`outcome ${i} of ${name} is not paper "${p.id}"`);
          return [name, { rank: o.rank, top_call: o.topCall, top_probability: o.topProbability, crosslist_hit: o.crosslistHit }];
        }),
      );
      return `${JSON.stringify({ id: p.id, call_id: p.call_id, in_scope: p.call_id !== null, by_scorer: byScorer })}\n`;
    })
    .join('');
}

export async function evalCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      calls: { type: 'string' },
      papers: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      outcomes: { type: 'string' },
      scorer: { type: 'string', multiple: true },
      cache: { type: 'string' },
      reduce: { type: 'string' },
      seed: { type: 'string' },
      exemplars: { type: 'string' },
      'exemplar-share': { type: 'string' },
      feedback: { type: 'string' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(EVAL_HELP);
    return 0;
  }
  if (!values.calls || !values.papers) {
    console.error('eval needs --calls and --papers\n');
    console.error(EVAL_HELP);
    return 2;
  }
  const { calls, papers } = await loadEvalFiles(values.calls, values.papers);
  // One --scorer picks the headline and keeps the others as ablations; several run only those.
  const picked = values.scorer ?? [];
  const scorers = picked.length === 1 ? [picked[0] as string, ...DEFAULT_SCORER_SET.filter((n) => n !== picked[0])] : picked.length ? picked : DEFAULT_SCORER_SET;
  const { embedder: base } = await selectEmbedder({ kind: parseEmbedderKind(process.env.EMBEDDER) });
  const inner = pooledIfAsked(base, process.env.EVAL_POOL_TOKENS);
  const embedder = values['no-cache'] ? inner : await createCachedEmbedder(inner, values.cache ?? 'eval/.cache');
  try {
    // A bar with the time left on a terminal; nothing in pipes and CI logs.
    const bar = createProgress(papers.length);
    // The calibration the service itself loads for this embedder, so fit, oos_auroc and triage_f1 are the product's.
    const calibration = calibrationFor(inner.id, await loadCalibrations());
    // The reference population the service ships, with this embedder's dense statistics when computed.
    const reference = await loadReferencePopulation(inner.id);
    const seed = values.seed ? Number(values.seed) : 1;
    const options = {
      calls,
      papers,
      embedder,
      scorers,
      calibration,
      ...(reference ? { reference } : {}),
      ...(values.reduce ? { reduce: parseReduce(values.reduce, seed) } : {}),
      onProgress: (done: number, total: number) => bar.update(done, `${done}/${total} papers`),
    };
    if (values.feedback !== undefined) {
      const report = await simulateFeedback({ calls, papers, embedder, calibration, ...(reference ? { reference } : {}), ns: parseCounts(values.feedback, '--feedback'), seed });
      bar.finish();
      console.log(formatFeedbackTable(report));
      if (values.json) {
        await mkdir(dirname(values.json), { recursive: true });
        await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
      }
      return 0;
    }
    if (values.exemplars !== undefined) {
      const report = await runExemplarEval(options, parseExemplars(values.exemplars, seed, values['exemplar-share'] ? Number(values['exemplar-share']) : 1));
      bar.finish();
      console.log(formatExemplarTable(report));
      if (values.json) {
        await mkdir(dirname(values.json), { recursive: true });
        await writeFile(values.json, `${JSON.stringify(exemplarJson(report), null, 2)}\n`);
      }
      return 0;
    }
    const res = await runEval(options);
    bar.finish();
    console.log(formatEvalTable(res));
    if (values.json) {
      await mkdir(dirname(values.json), { recursive: true });
      await writeFile(values.json, `${JSON.stringify(evalJson(res), null, 2)}\n`);
    }
    if (values.outcomes) {
      await mkdir(dirname(values.outcomes), { recursive: true });
      await writeFile(values.outcomes, evalOutcomesJsonl(res, papers));
    }
    if (values.html) {
      await mkdir(dirname(values.html), { recursive: true });
      await writeFile(values.html, await renderHtmlReport(res, `${basename(dirname(values.papers))} (${basename(values.papers)})`));
    }
    return 0;
  } finally {
    await embedder.dispose?.();
  }
}
