/**
 * Round 7 of the exemplar term (eval/README.md "Exemplars, round 7"): other ways for a call's
 * papers to act as evidence, each the service's fusion without its exemplar term plus one term
 * built here, so they can be compared with the service (`hybrid`) in one `--exemplars` run.
 * Names: `ex7:` then comma-separated `key=value`:
 * - `dense=centroid|max|top2|none`: cosine to the papers' normalised mean (the service's), to the
 *   nearest paper, the mean of the two nearest;
 * - `lex=concat|max|top2|aug|none`: BM25 against all papers as one document (the service's), the
 *   best paper, the mean of the best two, or the call's own text and its papers as one document;
 * - `ref=1`: read each part against the shipped reference population first, as the fusion reads a
 *   call's own scores (cosine moments from the population's dense statistics, BM25 moments over the
 *   call's best-scoring tenth of the abstracts, shrunk 0.2 toward the pooled moments);
 * - `q=z|raw`: z-score each part over the scored calls with papers (the service's) or, with `ref=1`,
 *   add the reference z-scores as they are;
 * - `ref=d` / `ref=l`: the reference reading for the dense or the lexical part only;
 * - `center=1`: cosines with the draft and every paper vector projected off the mean direction of
 *   all the corpus's papers (what every call's papers share stops counting as closeness);
 *   `center=ref`: off the mean direction of the shipped reference population instead;
 * - `w`, `half`, `d`: weight, papers at half weight, dense share (the service's 2, 2, 0.5);
 *   `n=const`: the weight does not grow with the number of papers; `toh`: the papers at half
 *   weight for a call known by its title alone (the service's 1 since round 7; `toh=2`, the same as
 *   every call's, is the service before it, against which the round-7 table was measured).
 *
 * The term is added as round 7 added it: session 12's map of the papered calls' scores back to their
 * own spread (exemplars.ts `rescaleFrom`) is not applied, so `ex7:` reproduces the service with
 * `ex:rs=0`, not today's `hybrid` where only some calls have papers.
 */
import type { Corpus } from '../../core/corpus/corpus.js';
import { denseMoments, shrinkToward, topMoments, type Moments, type ReferencePopulation } from '../../core/corpus/reference.js';
import { DEFAULT_EXEMPLAR_PARAMS } from '../../core/rank/exemplars.js';
import type { EmbeddedDraft } from '../../core/rank/features.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import { dot, l2Normalize, mean, zScores } from '../../core/rank/vector-math.js';
import { createBm25Index, type Bm25Index } from '../../core/text/bm25.js';
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';
import type { Strategy } from './strategy.js';

interface Variant {
  dense: 'centroid' | 'max' | 'top2' | 'none';
  lex: 'concat' | 'max' | 'top2' | 'aug' | 'none';
  ref: 'none' | 'both' | 'dense' | 'lex';
  q: 'z' | 'raw';
  center: 'none' | 'papers' | 'ref';
  w: number;
  half: number;
  d: number;
  n: 'shrink' | 'const';
  /** halfAt for a call known by its title alone (default: the service's). */
  toh: number;
}

/** One unit of evidence (a paper, the papers' centroid, a document) and its reference moments. */
interface Unit {
  vector?: Float32Array;
  doc?: string;
  moments?: Moments;
}

interface Prepared {
  perPaper: Bm25Index;
  joined: Bm25Index;
  dense: Map<string, Unit[]>;
  lex: Map<string, Unit[]>;
  background: Float32Array | undefined;
}

const NO_EXEMPLARS = { ...DEFAULT_RANK_PARAMS, exemplar: { ...DEFAULT_EXEMPLAR_PARAMS, weight: 0 } };
const REF_SHRINK = 0.2;
const REF_TOP_SHARE = 0.1;
// The reference reading's spread floors (corpus/reference.ts DEFAULT_REFERENCE_OPTIONS).
const DEFAULT_REFERENCE_FLOOR = { dense: 0.02, lexical: 0.5 };

function parse(name: string): Variant {
  const v: Variant = { dense: 'centroid', lex: 'concat', ref: 'none', q: 'z', center: 'none', w: DEFAULT_EXEMPLAR_PARAMS.weight, half: DEFAULT_EXEMPLAR_PARAMS.halfAt, d: DEFAULT_EXEMPLAR_PARAMS.denseShare, n: 'shrink', toh: DEFAULT_EXEMPLAR_PARAMS.titleOnlyHalfAt };
  for (const part of name.slice(4).split(',').filter(Boolean)) {
    const [k = '', val = ''] = part.split('=');
    if (k === 'dense' && ['centroid', 'max', 'top2', 'none'].includes(val)) v.dense = val as Variant['dense'];
    else if (k === 'lex' && ['concat', 'max', 'top2', 'aug', 'none'].includes(val)) v.lex = val as Variant['lex'];
    else if (k === 'ref' && ['0', '1', 'd', 'l'].includes(val)) v.ref = ({ 0: 'none', 1: 'both', d: 'dense', l: 'lex' } as const)[val as '0' | '1' | 'd' | 'l'];
    else if (k === 'center' && ['0', '1', 'ref'].includes(val)) v.center = val === '0' ? 'none' : val === '1' ? 'papers' : 'ref';
    else if (k === 'q' && (val === 'z' || val === 'raw')) v.q = val;
    else if (k === 'n' && (val === 'shrink' || val === 'const')) v.n = val;
    else if ((k === 'w' || k === 'half' || k === 'd' || k === 'toh') && Number.isFinite(Number(val))) v[k] = Number(val);
    else throw new Error(`bad exemplar variant "${name}": "${part}"`);
  }
  if (v.q === 'raw' && v.ref !== 'both') throw new Error(`exemplar variant "${name}": q=raw needs ref=1`);
  return v;
}

// Each unit's moments over the population, then shrunk toward their pooled mean and variance (reference.ts).
function withMoments(units: Map<string, Unit[]>, one: (u: Unit) => Moments, floor: number): void {
  const all = [...units.values()].flat();
  for (const u of all) u.moments = one(u);
  const ms = all.map((u) => u.moments as Moments);
  const pooled = { mean: mean(ms.map((m) => m.mean)), sd: Math.sqrt(mean(ms.map((m) => m.sd ** 2))) };
  for (const u of all) u.moments = shrinkToward(u.moments as Moments, pooled, REF_SHRINK, floor);
}

function prepare(corpus: Corpus, v: Variant, population: ReferencePopulation | undefined): Prepared {
  const perPaper = createBm25Index();
  const joined = createBm25Index();
  const dense = new Map<string, Unit[]>();
  const lex = new Map<string, Unit[]>();
  // center=1: every paper vector (and the draft) without its component along the mean of all the
  // corpus's paper vectors, so what all calls' papers share (the suite's common field) stops counting as closeness.
  const background =
    v.center === 'papers' ? l2Normalize(sumOf([...corpus.papersByCall.values()].flat().flatMap((p) => corpus.index.get(p.id) ?? [])))
    : v.center === 'ref' && population?.dense ? l2Normalize(population.dense.mean)
    : undefined;
  for (const [callId, ps] of corpus.papersByCall) {
    const whole = (corpus.passagesByCall.get(callId) ?? []).find((p) => p.kind === 'call');
    for (const p of ps) perPaper.upsert(p.id, p.text);
    joined.upsert(callId, [...(v.lex === 'aug' && whole ? [whole.text] : []), ...ps.map((p) => p.text)].join('. '));
    const vs = ps.flatMap((p) => corpus.index.get(p.id) ?? []).map((x) => (background ? centre(x, background) : x));
    dense.set(callId, v.dense === 'centroid' ? [{ vector: l2Normalize(sumOf(vs)) }] : vs.map((vector) => ({ vector })));
    lex.set(callId, v.lex === 'concat' || v.lex === 'aug' ? [{ doc: callId }] : ps.map((p) => ({ doc: p.id })));
  }
  if (v.ref !== 'none' && population) {
    const stats = population.dense;
    if (stats && v.ref !== 'lex') withMoments(dense, (u) => denseMoments(u.vector as Float32Array, stats), DEFAULT_REFERENCE_FLOOR.dense);
    const k = Math.max(2, Math.ceil(REF_TOP_SHARE * population.abstracts.length));
    const index = v.lex === 'concat' || v.lex === 'aug' ? joined : perPaper;
    if (v.ref !== 'dense') withMoments(lex, (u) => topMoments(population.abstracts.map((a) => index.score(a.tokens, u.doc as string)), k), DEFAULT_REFERENCE_FLOOR.lexical);
  }
  return { perPaper, joined, dense, lex, background };
}

// x without its component along the (unit) background direction, renormalised.
function centre(x: Float32Array, background: Float32Array): Float32Array {
  const along = dot(x, background);
  return l2Normalize(x.map((y, i) => y - (background[i] as number) * along));
}

function sumOf(vs: readonly Float32Array[]): Float32Array {
  const sum = new Float32Array(vs[0]?.length ?? 0);
  for (const x of vs) x.forEach((y, i) => (sum[i] = (sum[i] as number) + y));
  return sum;
}

// A part's value for one call: each unit's score (read against its moments with ref=1), then the
// unit itself, the best, or the mean of the best two.
function part(units: readonly Unit[], score: (u: Unit) => number, how: string, ref: boolean, lexScale: number): number {
  const xs = units.map((u) => {
    const s = score(u);
    const m = u.moments;
    return ref && m ? (s - lexScale * m.mean) / m.sd : s;
  });
  const sorted = xs.sort((a, b) => b - a);
  return how === 'top2' ? mean(sorted.slice(0, 2)) : (sorted[0] ?? 0);
}

/**
 * @example
 * exemplarRound7ByName('ex7:ref=1')?.name // 'ex7:ref=1'
 */
export function exemplarRound7ByName(name: string): Strategy | undefined {
  if (!name.startsWith('ex7:')) return undefined;
  const v = parse(name);
  const cache = new WeakMap<Corpus, Prepared>();
  let population: ReferencePopulation | undefined;
  return {
    name,
    needsSentences: false,
    async prepare({ corpus, embedder }) {
      if (v.ref !== 'none' || v.center === 'ref') population ??= await loadReferencePopulation(embedder.id);
      cache.set(corpus, prepare(corpus, v, population));
    },
    score({ corpus, draft, callIds }) {
      const fused = scoreCalls(corpus, draft, callIds, NO_EXEMPLARS);
      const pre = cache.get(corpus);
      if (!pre) throw new Error(`${name}: not prepared for this corpus`);
      const rows = exemplarRows(corpus, draft, callIds, pre, v);
      const zd = v.q === 'z' ? zScores(rows.map((r) => r.d), v.ref === 'both' || v.ref === 'dense' ? DEFAULT_RANK_PARAMS.minReferenceSpread : DEFAULT_EXEMPLAR_PARAMS.minDenseSpread) : rows.map((r) => r.d);
      const zl = v.q === 'z' ? zScores(rows.map((r) => r.l), v.ref === 'both' || v.ref === 'lex' ? DEFAULT_RANK_PARAMS.minReferenceSpread : DEFAULT_EXEMPLAR_PARAMS.minLexicalSpread) : rows.map((r) => r.l);
      const dShare = v.dense === 'none' ? 0 : v.lex === 'none' ? 1 : v.d;
      const z = new Map(rows.map((r, i) => [r.callId, { n: r.n, z: dShare * (zd[i] ?? 0) + (1 - dShare) * (zl[i] ?? 0) }]));
      return fused.map((f) => {
        const t = z.get(f.callId);
        if (!t) return f;
        const half = f.titleOnly ? v.toh : v.half;
        return { ...f, score: f.score + (v.n === 'const' ? v.w : (v.w * t.n) / (t.n + half)) * t.z };
      });
    },
  };
}

function exemplarRows(corpus: Corpus, draft: EmbeddedDraft, callIds: readonly string[], pre: Prepared, v: Variant): Array<{ callId: string; n: number; d: number; l: number }> {
  const lexScale = corpus.reference?.lexicalScale(draft.tokens.length) ?? 1;
  const index = v.lex === 'concat' || v.lex === 'aug' ? pre.joined : pre.perPaper;
  const query = pre.background ? centre(draft.vector, pre.background) : draft.vector;
  const rows = [];
  for (const callId of callIds) {
    const n = corpus.papersByCall.get(callId)?.length ?? 0;
    if (!n) continue;
    const d = v.dense === 'none' ? 0 : part(pre.dense.get(callId) ?? [], (u) => dot(query, u.vector as Float32Array), v.dense, v.ref === 'both' || v.ref === 'dense', 1);
    const l = v.lex === 'none' ? 0 : part(pre.lex.get(callId) ?? [], (u) => index.score(draft.tokens, u.doc as string), v.lex, v.ref === 'both' || v.ref === 'lex', lexScale);
    rows.push({ callId, n, d, l });
  }
  return rows;
}
