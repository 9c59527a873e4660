/**
 * Self-contained HTML report: metrics tables plus a ROC curve, score
 * histograms (in scope vs out of scope) and a reliability diagram of the
 * triage probabilities. Charts are Vega-Lite specs compiled to Vega and
 * rendered to SVG strings in Node (`View.toSVG()`), inlined; no external URLs.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { formatCi95, formatDifference, reliability, rocCurve } from './metrics.js';
import type { EvalResult } from './run.js';

const METRIC_KEYS = ['n_in_scope', 'n_out_of_scope', 'acc_at_1', 'acc_at_3', 'acc_at_5', 'mrr', 'ndcg_at_5', 'oos_auroc', 'triage_f1', 'ms_per_paper'] as const;

/** Render one Vega-Lite spec to an SVG string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function fmt(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '-';
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

export function rocSpec(res: EvalResult): TopLevelSpec {
  const values = Object.entries(res.outcomes).flatMap(([scorer, list]) => {
    const pos = list.filter((o) => o.inScope).map((o) => o.topProbability);
    const neg = list.filter((o) => !o.inScope).map((o) => o.topProbability);
    return rocCurve(pos, neg).map((p, i) => ({ scorer, order: i, fpr: p.fpr, tpr: p.tpr }));
  });
  return {
    title: 'ROC: top-call probability, in scope (positive) vs out of scope',
    width: 360,
    height: 300,
    data: { values },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x: { field: 'fpr', type: 'quantitative', title: 'false positive rate', scale: { domain: [0, 1] } },
      y: { field: 'tpr', type: 'quantitative', title: 'true positive rate', scale: { domain: [0, 1] } },
      color: { field: 'scorer', type: 'nominal' },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

export function histogramSpec(res: EvalResult, scorer: string): TopLevelSpec {
  const values = (res.outcomes[scorer] ?? []).map((o) => ({ p: o.topProbability, group: o.inScope ? 'in scope' : 'out of scope' }));
  return {
    title: `Top-call probability (${scorer})`,
    width: 360,
    height: 220,
    data: { values },
    mark: { type: 'bar', opacity: 0.6 },
    encoding: {
      x: { field: 'p', type: 'quantitative', bin: { maxbins: 20, extent: [0, 1] }, title: 'probability' },
      y: { aggregate: 'count', type: 'quantitative', stack: null, title: 'papers' },
      color: { field: 'group', type: 'nominal' },
    },
  };
}

export function reliabilitySpec(res: EvalResult, scorer: string): TopLevelSpec {
  const list = res.outcomes[scorer] ?? [];
  const bins = reliability(list.map((o) => o.topProbability), list.map((o) => o.inScope)).filter((b) => b.count > 0);
  const values = bins.map((b) => ({ predicted: b.meanPredicted, observed: b.observed, count: b.count }));
  return {
    title: `Reliability of triage probability (${scorer})`,
    width: 360,
    height: 300,
    layer: [
      {
        data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] },
        mark: { type: 'line', strokeDash: [4, 4], color: 'gray' },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2, color: '#1f5fbf' },
        encoding: {
          x: { field: 'predicted', type: 'quantitative', title: 'mean predicted probability', scale: { domain: [0, 1] } },
          y: { field: 'observed', type: 'quantitative', title: 'observed share in scope', scale: { domain: [0, 1] } },
        },
      },
      {
        data: { values },
        // Filled dots sized by how many papers a bin holds, from a size that can be seen (outline dots were nearly invisible).
        mark: { type: 'point', filled: true, opacity: 0.9, color: '#1f5fbf', stroke: '#fff', strokeWidth: 1 },
        encoding: {
          x: { field: 'predicted', type: 'quantitative' },
          y: { field: 'observed', type: 'quantitative' },
          size: { field: 'count', type: 'quantitative', scale: { range: [60, 500] }, title: 'papers' },
        },
      },
    ],
  };
}

/**
 * @example
 * await writeFile('eval/report.html', await renderHtmlReport(result, 'acl'));
 */
export async function renderHtmlReport(res: EvalResult, title: string): Promise<string> {
  const head = res.extra.default_scorer;
  const rows = Object.entries(res.by_scorer)
    .map(([name, m]) => `<tr><th>${escapeHtml(name)}</th>${METRIC_KEYS.map((k) => `<td>${fmt(m[k])}</td>`).join('')}<td>${fmt(res.by_scorer_extra[name]?.acc_at_1_crosslist)}</td></tr>`)
    .join('\n');
  const differences = Object.entries(res.by_scorer_extra)
    .flatMap(([name, x]) => (x.ci95_headline_minus_this ? [`<li>${escapeHtml(head)} minus ${escapeHtml(name)} (paired): ${escapeHtml(formatDifference(x.ci95_headline_minus_this))}</li>`] : []))
    .join('');
  const charts = await Promise.all([rocSpec(res), histogramSpec(res, head), reliabilitySpec(res, head)].map(renderSvg));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cfpmatch eval: ${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:100%}.table-wrap{max-width:100%;overflow-x:auto}table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #ccc;padding:4px 6px;text-align:right}thead th{white-space:normal;word-break:break-word;max-width:6.5em;vertical-align:bottom}figure{display:inline-block;margin:1em;max-width:100%}figure svg{max-width:100%}</style>
</head><body>
<h1>cfpmatch evaluation: ${escapeHtml(title)}</h1>
<p>Ranks are pessimistic under ties. Triage threshold ${fmt(res.extra.threshold)} on the top call's probability. Embedding ${fmt(res.extra.embed_ms_per_paper)} ms per paper (cache hits are near zero).</p>
<div class="table-wrap"><table><thead><tr><th>scorer</th>${METRIC_KEYS.map((k) => `<th>${k.replace(/_/g, '_<wbr>')}</th>`).join('')}<th>acc_<wbr>at_<wbr>1_<wbr>crosslist</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<p>95% intervals for ${escapeHtml(head)} (bootstrap over papers): ${escapeHtml(formatCi95(res.extra.ci95))}.</p>
<ul>${differences}</ul>
${charts.map((svg) => `<figure>${svg}</figure>`).join('\n')}
</body></html>
`;
}
