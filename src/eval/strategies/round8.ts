/**
 * Round 8 (eval/README.md "Round 8"): ideas not tried before, each the service with one change,
 * scored in the same run on the same embeddings:
 * - query-side fields: the draft's title (or first sentence) counted 2-3 times in its BM25 query;
 * - BM25's IDF from the calls plus the reference population's abstracts (`wide`), or the mean of
 *   that and the calls' own (`blend`): with 26-143 calls a call-set IDF is noisy;
 * - query likelihood with Dirichlet smoothing (collection model: calls plus population) in place of
 *   BM25 or beside it, read through the same reference z-normalisation;
 * - BM25+ (a matched term is worth at least delta idf, Lv and Zhai 2011) and a title-to-title BM25
 *   field beside the whole-call BM25;
 * - a learned linear fusion over the features the service computes (`r8-lin:<weights.json>`, fitted
 *   by src/eval/experiments/round8-fit.ts on another suite; both read the current service's features).
 * Every lexical part has its own model, reference moments and query; the reference abstracts are
 * turned into queries exactly as drafts are (title repeated as in the draft), so a part's reference
 * z means for the draft what it means for the population.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Corpus } from '../../core/corpus/corpus.js';
import { callDocument } from '../../core/corpus/passages.js';
import { createReferenceMoments, DEFAULT_REFERENCE_OPTIONS, type ReferenceMoments } from '../../core/corpus/reference.js';
import { prepareDraft, type PreparedDraft } from '../../core/rank/draft.js';
import { withExemplarTerms } from '../../core/rank/exemplars.js';
import { callFeature, type CallFeatures, type EmbeddedDraft } from '../../core/rank/features.js';
import { DEFAULT_RANK_PARAMS, fuseScores, type FusedCall } from '../../core/rank/fusion.js';
import { dot, zScores } from '../../core/rank/vector-math.js';
import type { Call } from '../../core/schema.js';
import type { Bm25Index } from '../../core/text/bm25.js';
import { tokenize } from '../../core/text/tokens.js';
import { DEFAULT_REFERENCE_DIR, loadReferencePopulation, REFERENCE_ABSTRACTS, referenceTexts } from '../../adapters/node/reference-file.js';
import { createLexicalModel, type LexicalModelOptions } from './round8-lexical.js';
import type { Strategy } from './strategy.js';

/** How a draft becomes a part's query: title and first sentence counted `title` / `first` times (1: as the service), or the title alone. */
export type QueryShape = { title?: number; first?: number } | 'title-only';

/**
 * The draft's BM25 query with its title (sentence 0) and first abstract sentence (sentence 1)
 * repeated: `draft.tokens` already holds each once.
 *
 * @example
 * queryTokens(prepareDraft({ title: 'Comics', abstract: 'Graphic novels. More.', keywords: [] }), { title: 2 })
 * // ['comic', 'graphic', 'novel', 'comic']
 */
export function queryTokens(draft: Pick<PreparedDraft, 'tokens' | 'sentences'>, shape: QueryShape = {}): string[] {
  if (shape === 'title-only') return tokenize(draft.sentences[0] ?? '');
  const out = [...draft.tokens];
  const title = tokenize(draft.sentences[0] ?? '');
  const first = draft.sentences.length > 1 ? tokenize(draft.sentences[1] ?? '') : [];
  for (let i = 1; i < (shape.title ?? 1); i++) out.push(...title);
  for (let i = 1; i < (shape.first ?? 1); i++) out.push(...first);
  return out;
}

/** One lexical part: a model over some call document, read with its own reference moments. */
export interface LexicalPart {
  model: LexicalModelOptions;
  /** With `idf` wide/blend or query likelihood: the population's abstracts as background documents. */
  background?: boolean;
  document?: (call: Call) => string;
  query?: QueryShape;
  weight: number;
}

export interface Round8Variant {
  /** Lexical parts, their reference z-scores mixed by weight (default: the service's BM25 before round 8 alone). */
  parts?: readonly LexicalPart[];
}

export const SERVICE_BM25: LexicalModelOptions = { kind: 'bm25' };

/** Features of the learned fusion, per call, each z-scored over the calls of one query. */
export const FUSION_FEATURES = ['zDense', 'zLexical', 'titleOnly', 'titleOnly*zDense', 'titleOnly*zLexical', 'zCoverage', 'zRawDense', 'zRawLexical'] as const;

/** The service's fusion written in {@link FUSION_FEATURES} (dense 0.6 / lexical 0.4; title-only calls 0.4 / 0.6). */
export const SERVICE_WEIGHTS: readonly number[] = [0.6, 0.4, 0, -0.2, 0.2, 0, 0, 0];

/**
 * The learned fusion's feature rows of one query's fused calls.
 *
 * @example
 * fusionFeatures(fuseScores(features))[0].length // FUSION_FEATURES.length
 */
export function fusionFeatures(fused: readonly FusedCall[]): number[][] {
  const cov = zScores(fused.map((f) => f.coverage), 0.02);
  const rawD = zScores(fused.map((f) => f.dense), 0.02);
  const rawL = zScores(fused.map((f) => f.lexical), 0.5);
  return fused.map((f, i) => {
    const t = f.titleOnly ? 1 : 0;
    return [f.zDense, f.zLexical, t, t * f.zDense, t * f.zLexical, cov[i] as number, rawD[i] as number, rawL[i] as number];
  });
}

interface BuiltPart {
  corpus: Corpus;
  query: QueryShape;
  weight: number;
}

async function referenceDrafts(): Promise<PreparedDraft[]> {
  return referenceTexts(await readFile(join(DEFAULT_REFERENCE_DIR, REFERENCE_ABSTRACTS), 'utf8')).map(prepareDraft);
}

/**
 * @example
 * round8Strategy('r8-qt2', { parts: [{ model: SERVICE_BM25, query: { title: 2 }, weight: 1 }] })
 */
export function round8Strategy(name: string, v: Round8Variant): Strategy {
  const parts = v.parts ?? [{ model: SERVICE_BM25, weight: 1 }];
  const built = new WeakMap<Corpus, BuiltPart[]>();
  return {
    name,
    needsSentences: false,
    async prepare({ corpus, embedder }) {
      const population = await loadReferencePopulation(embedder.id);
      const drafts = population ? await referenceDrafts() : [];
      const out: BuiltPart[] = [];
      for (const part of parts) {
        const background = part.background ? drafts.map((d) => d.tokens) : undefined;
        const model: Bm25Index = createLexicalModel({ ...part.model, ...(background ? { background } : {}) });
        for (const [id, call] of corpus.calls) model.upsert(id, (part.document ?? callDocument)(call));
        let reference: ReferenceMoments | undefined;
        if (population) {
          const abstracts = drafts.map((d) => ({ tokens: queryTokens(d, part.query) }));
          reference = createReferenceMoments({ calls: corpus.calls, passagesByCall: corpus.passagesByCall, bm25: model, index: corpus.index }, { ...population, abstracts }, DEFAULT_REFERENCE_OPTIONS);
          reference.update(corpus.calls.keys());
        }
        out.push({ corpus: { ...corpus, bm25: model, reference }, query: part.query ?? {}, weight: part.weight });
      }
      built.set(corpus, out);
    },
    score({ corpus, draft, callIds }) {
      const b = built.get(corpus);
      if (!b) throw new Error(`${name}: prepare() was not run for this corpus`);
      const fused = fuseScores(callIds.map((id) => mixedFeature(b, draft, id)), DEFAULT_RANK_PARAMS);
      // The exemplar term reads the draft as the service does.
      return withExemplarTerms(corpus, draft, fused, DEFAULT_RANK_PARAMS.exemplar).scored;
    },
  };
}

/** The first part's features with the parts' lexical reference z-scores mixed by weight. */
function mixedFeature(parts: readonly BuiltPart[], draft: EmbeddedDraft, callId: string): CallFeatures {
  let first: CallFeatures | undefined;
  let sum = 0;
  let weights = 0;
  for (const part of parts) {
    const f = callFeature(part.corpus, { ...draft, tokens: queryTokensOf(draft, part.query) }, callId);
    first ??= f;
    sum += part.weight * f.normLexical;
    weights += part.weight;
  }
  if (!first) throw new Error('a round-8 variant needs a lexical part');
  return parts.length === 1 ? first : { ...first, normLexical: sum / weights };
}

// One query per draft and shape: the service's tokens array itself when the shape changes nothing.
const memo = new WeakMap<EmbeddedDraft, Map<string, string[]>>();
function queryTokensOf(draft: EmbeddedDraft, shape: QueryShape): string[] {
  const key = JSON.stringify(shape);
  if (key === '{}') return draft.tokens;
  let m = memo.get(draft);
  if (!m) memo.set(draft, (m = new Map()));
  let q = m.get(key);
  if (!q) m.set(key, (q = queryTokens(draft, shape)));
  return q;
}

const bm25 = (model: Partial<LexicalModelOptions> = {}, rest: Partial<LexicalPart> = {}): LexicalPart => ({ model: { ...SERVICE_BM25, ...model }, weight: 1, ...rest });
const ql = (mu: number, weight = 1): LexicalPart => ({ model: { kind: 'ql', mu }, background: true, weight });
const titleOf = (c: Call) => c.title;

export const ROUND8_STRATEGIES: readonly Strategy[] = [
  // The service before round 8 (its lexical part without the call-title field), the baseline of the round-8 table.
  round8Strategy('hybrid-r7', {}),
  round8Strategy('r8-qt2', { parts: [bm25({}, { query: { title: 2 } })] }),
  round8Strategy('r8-qt3', { parts: [bm25({}, { query: { title: 3 } })] }),
  round8Strategy('r8-qs2', { parts: [bm25({}, { query: { first: 2 } })] }),
  round8Strategy('r8-qt2s2', { parts: [bm25({}, { query: { title: 2, first: 2 } })] }),
  round8Strategy('r8-idf-wide', { parts: [bm25({ idf: 'wide' }, { background: true })] }),
  round8Strategy('r8-idf-blend', { parts: [bm25({ idf: 'blend' }, { background: true })] }),
  round8Strategy('r8-ql50', { parts: [ql(50)] }),
  round8Strategy('r8-ql200', { parts: [ql(200)] }),
  round8Strategy('r8-ql1000', { parts: [ql(1000)] }),
  round8Strategy('r8-bm25+ql200', { parts: [bm25(), ql(200)] }),
  round8Strategy('r8-bm25+ql50', { parts: [bm25(), ql(50)] }),
  round8Strategy('r8-bm25+ql200w.5', { parts: [bm25(), ql(200, 0.5)] }),
  round8Strategy('r8-bm25+ql500', { parts: [bm25(), ql(500)] }),
  round8Strategy('r8-bm25+ql500w.5', { parts: [bm25(), ql(500, 0.5)] }),
  round8Strategy('r8-bm25plus1', { parts: [bm25({ delta: 1 })] }),
  round8Strategy('r8-tt.3', { parts: [bm25(), bm25({}, { document: titleOf, query: 'title-only', weight: 0.3 })] }),
  round8Strategy('r8-tt.2', { parts: [bm25(), bm25({}, { document: titleOf, query: 'title-only', weight: 0.2 })] }),
  round8Strategy('r8-tt.5', { parts: [bm25(), bm25({}, { document: titleOf, query: 'title-only', weight: 0.5 })] }),
  // Needs every paper's sentences embedded: run by name (--scorer r8-dtt.15).
  titleDenseStrategy('r8-dtt.15', 0.15),
  titleDenseStrategy('r8-dtt.3', 0.3),
];

/**
 * The service plus `share` times the per-query z-score of the cosine between the draft's title and
 * each call's title (`r8-dtt`): two short texts, the pair a sentence encoder is trained on, and a
 * similarity that means the same for a title-only call and a full CFP (every call has a title).
 * Needs the draft's sentences embedded (the title is sentence 0), as the service does for evidence.
 *
 * @example
 * titleDenseStrategy('r8-dtt.3', 0.3)
 */
export function titleDenseStrategy(name: string, share: number): Strategy {
  return {
    name,
    needsSentences: true,
    score({ corpus, draft, callIds, sentences }) {
      const fused = fuseScores(callIds.map((id) => callFeature(corpus, draft, id)), DEFAULT_RANK_PARAMS);
      const title = sentences?.find((u) => u.index === 0)?.vector;
      if (title) {
        const cos = callIds.map((id) => {
          const p = (corpus.passagesByCall.get(id) ?? []).find((x) => x.kind === 'title');
          const v = p ? corpus.index.get(p.id) : undefined;
          return v ? dot(title, v) : 0;
        });
        const z = zScores(cos, 0.02);
        for (const [i, f] of fused.entries()) f.score += share * (z[i] as number);
      }
      return withExemplarTerms(corpus, draft, fused, DEFAULT_RANK_PARAMS.exemplar).scored;
    },
  };
}

/**
 * The learned fusion: the service's features (the same round8-fit.ts fits on), scored `weights . x`
 * over {@link FUSION_FEATURES} instead of the service's weighted sum.
 *
 * @example
 * learnedFusionStrategy('lin', SERVICE_WEIGHTS) // scores as the service
 */
export function learnedFusionStrategy(name: string, weights: readonly number[]): Strategy {
  return {
    name,
    needsSentences: false,
    score({ corpus, draft, callIds }) {
      const fused = fuseScores(callIds.map((id) => callFeature(corpus, draft, id)), DEFAULT_RANK_PARAMS);
      const rows = fusionFeatures(fused);
      const scored = fused.map((f, i) => ({ ...f, score: (rows[i] as number[]).reduce((s, x, j) => s + x * (weights[j] ?? 0), 0) }));
      return withExemplarTerms(corpus, draft, scored, DEFAULT_RANK_PARAMS.exemplar).scored;
    },
  };
}

/**
 * A round-8 scorer by name: one of {@link ROUND8_STRATEGIES}, or `r8-lin:<file>`, the learned fusion
 * with the weights round8-fit.ts wrote to `file` (`{ "features": [...], "weights": [...] }`), read
 * when the strategy is prepared.
 *
 * @example
 * round8ByName('r8-tt.3');
 * round8ByName('r8-lin:eval/reports/round8/fusion-acl.json');
 */
export function round8ByName(name: string): Strategy | undefined {
  const listed = ROUND8_STRATEGIES.find((s) => s.name === name);
  if (listed) return listed;
  if (!name.startsWith('r8-lin:')) return undefined;
  const file = name.slice('r8-lin:'.length);
  let inner: Strategy | undefined;
  return {
    name,
    needsSentences: false,
    async prepare() {
      const raw = JSON.parse(await readFile(file, 'utf8')) as { features?: unknown; weights?: unknown };
      if (JSON.stringify(raw.features) !== JSON.stringify(FUSION_FEATURES) || !Array.isArray(raw.weights)) throw new Error(`${file}: not round-8 fusion weights over ${FUSION_FEATURES.join(', ')}`);
      inner = learnedFusionStrategy(name, raw.weights.map(Number));
    },
    score(input) {
      if (!inner) throw new Error(`${name}: prepare() was not run`);
      return inner.score(input);
    },
  };
}
