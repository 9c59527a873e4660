/**
 * What the learned choosers' trainers (train-title.ts, train-venue.ts, train-editors.ts, train-topics.ts) share:
 * the site a call comes from (folds are by site), the former held-out round
 * of each call, and the cross-validation and tables they print.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { chooseBest } from '../../core/cfp/title-model.js';
import type { CfpTruth } from './score.js';
import { foldsByGroup, trainTitleModel, type TitleExample, type TrainOptions } from './title-train.js';
import { loadCases } from './run.js';
import { fitLogistic } from '../../core/triage/logistic-fit.js';

/**
 * The site a call comes from: its URL's host (DBWorld, a publisher, a listing site), so near-identical calls share a fold.
 *
 * @example
 * groupOf({ provenance: { url: 'https://www.mdpi.com/journal/x' } } as CfpTruth) // 'mdpi.com'
 */
export function groupOf(t: CfpTruth): string {
  try {
    return new URL(t.provenance.url).hostname.replace(/^www\./, '');
  } catch {
    return t.provenance.source.split(/[@:]/)[0] ?? t.id;
  }
}

/**
 * Which former held-out round each call came from, as SOURCES.md's tables mark them ("tune (held-out in round 5)").
 *
 * @example
 * (await roundsOf('eval/cfp/cases')).get('mdpi-religions-world-christianity') // 8
 */
export async function roundsOf(dir: string): Promise<Map<string, number>> {
  const text = await readFile(join(dir, '..', 'SOURCES.md'), 'utf8').catch(() => '');
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^\| ([\w.-]+) \| tune \(held-out in round (\d+)\)/gm)) if (m[1] && m[2]) out.set(m[1], Number(m[2]));
  return out;
}

/**
 * "0.896 (249/278)", or "-" for no calls.
 *
 * @example
 * pct(1, 2) // '0.500 (1/2)'
 */
export const pct = (ok: number, n: number) => (n === 0 ? '-' : `${(ok / n).toFixed(3)} (${ok}/${n})`);

/**
 * Whether the weights pick a right candidate of the call.
 *
 * @example
 * pickedRight({ id: 'a', group: 'g', features: [[1], [0]], right: [true, false] }, [1]) // true
 */
export function pickedRight(e: TitleExample, w: readonly number[]): boolean {
  return e.right[chooseBest(e.features, w)] ?? false;
}

/** One labelled call as a chooser's trainer sees it: its candidates and whether the old path (cascade, rules) got it right. */
export interface TrainRow {
  truth: CfpTruth;
  example: TitleExample;
  baseline: boolean;
}

export interface ChooserReport<R extends TrainRow, M = number[]> {
  rows: readonly R[];
  dims: number;
  folds: number;
  train: TrainOptions;
  /** Which former held-out round each call came from ({@link roundsOf}). */
  rounds: ReadonlyMap<string, number>;
  /** The old path's name in the tables ("cascade", "rules"). */
  baseline: string;
  /** Whether the model chooses a right answer for the call (against the truth, whatever was taught). */
  correct: (r: R, w: M) => boolean;
  /** Whether some candidate is right (the ceiling). */
  ceiling: (r: R) => boolean;
  /** The failure line for a cross-validated miss. */
  miss: (r: R, w: M) => string;
  /** How a model is fitted to calls (default: the linear listwise ranker, {@link trainTitleModel} with `dims` and `train`). */
  fit?: (examples: readonly TitleExample[]) => M;
  /** More rows for the first table (a subset of calls by a property). */
  subsets?: ReadonlyArray<[string, (r: R) => boolean]>;
  failures?: boolean;
  /** Rows every training set holds and no table scores ({@link loadAnchors}). */
  anchors?: readonly R[];
}

/**
 * Print a learned chooser's figures as the trainers report them: candidate
 * recall, the old path and the chooser k-fold cross-validated by site (all,
 * by format, the subsets, each fold), each former held-out round left out
 * with its sites, and in-sample; the cross-validated misses when asked.
 * Returns the weights trained on every call (the ones to ship).
 *
 * @example
 * const w = reportChooser({ rows, dims, folds: 5, train: {}, rounds, baseline: 'rules', correct, ceiling, miss });
 */
export function reportChooser<R extends TrainRow, M = number[]>(o: ChooserReport<R, M>): M {
  const { rows, dims, train } = o;
  // Without `fit`, M is the linear ranker's weights (the callers that pass no `fit` use the default M).
  const fit = o.fit ?? ((examples: readonly TitleExample[]) => trainTitleModel(examples, dims, train) as unknown as M);
  const anchors = (o.anchors ?? []).map((r) => r.example);
  const folds = foldsByGroup(rows.map((r) => r.example), o.folds);
  const cv = new Array<boolean>(rows.length).fill(false);
  const misses: string[] = [];
  for (let f = 0; f < o.folds; f++) {
    const w = fit([...rows.filter((_, i) => folds[i] !== f).map((r) => r.example), ...anchors]);
    rows.forEach((r, i) => {
      if (folds[i] !== f) return;
      cv[i] = o.correct(r, w);
      if (!cv[i]) misses.push(o.miss(r, w));
    });
  }
  const table = (name: string, idx: number[], learned: (i: number) => boolean) => {
    const count = (p: (i: number) => boolean) => idx.filter(p).length;
    console.log(`| ${name} | ${idx.length} | ${pct(count((i) => (rows[i] ? o.ceiling(rows[i]) : false)), idx.length)} | ${pct(count((i) => rows[i]?.baseline ?? false), idx.length)} | ${pct(count(learned), idx.length)} |`);
  };
  const head = (last: string) => {
    console.log(`| calls | n | candidate recall | ${o.baseline} (tuned on all) | ${last} |`);
    console.log('| --- | --- | --- | --- | --- |');
  };
  const all = rows.map((_, i) => i);
  const cvOf = (i: number) => cv[i] ?? false;
  console.log(`${rows.length} calls, ${rows.reduce((a, r) => a + r.example.features.length, 0)} candidates, ${new Set(rows.map((r) => r.example.group)).size} sites, ${o.folds} folds by site\n`);
  head('learned, cross-validated');
  table('all', all, cvOf);
  for (const fmt of ['text', 'html'] as const) table(fmt, all.filter((i) => rows[i]?.truth.format === fmt), cvOf);
  for (const [name, p] of o.subsets ?? []) table(name, all.filter((i) => (rows[i] ? p(rows[i]) : false)), cvOf);
  for (let f = 0; f < o.folds; f++) table(`fold ${f + 1}`, all.filter((i) => folds[i] === f), cvOf);
  console.log('\nFormer held-out rounds, the chooser trained on every other call except those of the round\'s sites:\n');
  head('learned, round left out');
  for (const { round, inRound, rest } of roundsLeftOut(all, o.rounds, (i) => rows[i]?.truth.id ?? '', (i) => rows[i]?.example.group ?? '')) {
    const w = fit([...rest.flatMap((i) => (rows[i] ? [rows[i].example] : [])), ...anchors]);
    table(`round ${round} held-out`, inRound, (i) => (rows[i] ? o.correct(rows[i], w) : false));
  }
  const w = fit([...rows.map((r) => r.example), ...anchors]);
  console.log('\nTrained on all calls (no longer unseen):\n');
  head('learned, trained on all');
  table('all', all, (i) => (rows[i] ? o.correct(rows[i], w) : false));
  if (o.anchors && o.anchors.length > 0) {
    const wrong = o.anchors.filter((r) => !o.correct(r, w)).map((r) => r.truth.id);
    console.log(`\nanchors (in every training set, never scored above): ${o.anchors.length - wrong.length} of ${o.anchors.length} right${wrong.length ? `; wrong: ${wrong.join(', ')}` : ''}`);
  }
  if (o.failures) console.log(`\ncross-validated misses (${misses.length}):\n${misses.join('\n')}`);
  return w;
}

/**
 * Write a chooser's weights in the shape its core module imports (data/title-model.json, data/venue-model.json), and say so.
 *
 * @example
 * await writeModel('data/venue-model.json', { command: 'npm run train:venue', calls: 278, features: VENUE_FEATURES, weights });
 */
export async function writeModel(out: string, m: { command: string; calls: number; features: readonly string[]; weights: readonly number[] }): Promise<void> {
  await writeJsonModel(out, { command: m.command, calls: m.calls, features: [...m.features], weights: rounded(m.weights) });
}

/** Weights as the shipped models keep them: four decimals. */
export const rounded = (ws: readonly number[]): number[] => ws.map((v) => Number(v.toFixed(4)));

/**
 * Write any chooser's model as its core module imports it (one JSON document, a space of indent), and say so.
 *
 * @example
 * await writeJsonModel('data/topic-model.json', { command, calls, features, weights: rounded(w), threshold });
 */
export async function writeJsonModel(out: string, model: object): Promise<void> {
  await writeFile(out, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`\nwrote ${out}`);
}

/** Where the anchors are kept. */
export const ANCHORS = 'eval/cfp/anchors.json';

const Anchors = z.object({
  about: z.string(),
  anchors: z.array(z.object({
    id: z.string().min(1),
    text_file: z.string().optional(),
    text: z.string().optional(),
    title: z.string().optional(),
    venue: z.string().optional(),
    from: z.string(),
  }).refine((a) => (a.text === undefined) !== (a.text_file === undefined), { message: 'an anchor has either text or text_file' })),
});

/**
 * The choosers' anchors (eval/cfp/anchors.json): calls whose title or venue
 * the product promises, as cases to train on and never score. A field an
 * anchor leaves out is null in its truth (`title` '' then), and the trainers skip it.
 *
 * @example
 * const anchors = await loadAnchors('eval/cfp/anchors.json'); // [{ truth: { id: 'bundled-...', venue: 'IEEE Network', ... }, body }]
 */
export async function loadAnchors(file: string): Promise<Array<{ truth: CfpTruth; body: string }>> {
  const parsed = Anchors.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return Promise.all(parsed.data.anchors.map(async (a) => ({
    truth: {
      id: a.id, split: 'tune' as const, format: 'text' as const, field: 'anchor', publisher: '', title: a.title ?? '', venue: a.venue ?? null,
      deadline: null, topics: [], guest_editors: [], provenance: { source: a.from, url: `anchor:${a.id}`, note: '' },
    },
    body: a.text ?? (await readFile(a.text_file ?? '', 'utf8')),
  })));
}

/** The command-line options both trainers take (node:util parseArgs form); a trainer adds its own beside them. */
export const TRAINER_OPTIONS = {
  cases: { type: 'string' }, anchors: { type: 'string' }, folds: { type: 'string', default: '5' }, 'no-write': { type: 'boolean' }, failures: { type: 'boolean' },
  epochs: { type: 'string' }, rate: { type: 'string' }, l2: { type: 'string' },
} as const;

export interface TrainerArgs {
  cases?: string;
  anchors?: string;
  folds?: string;
  epochs?: string;
  rate?: string;
  l2?: string;
}

/**
 * The labelled tuning calls of a case directory: held-out calls are measured, never trained on, so a round
 * labelled for the next measurement stays unseen until it is folded in.
 *
 * @example
 * const cases = await tuningCases('eval/cfp/cases');
 */
export async function tuningCases(dir: string): Promise<Array<{ truth: CfpTruth; body: string }>> {
  return (await loadCases(dir)).filter((c) => c.truth.split === 'tune');
}

/**
 * What a trainer trains and reports on: a row for every labelled tuning call (held-out calls are measured, never
 * trained on, so a round labelled for the next measurement stays unseen until it is folded in) and for every anchor
 * that teaches this chooser (`teaches`), the former held-out rounds, the fold count and the training options from the command line.
 *
 * @example
 * const set = await trainingSet(values, rowOf, (t) => t.venue !== null);
 * reportChooser({ ...set, dims, baseline: 'rules', correct, ceiling, miss });
 */
export async function trainingSet<R extends TrainRow>(
  args: TrainerArgs,
  rowOf: (c: { truth: CfpTruth; body: string }) => R,
  teaches: (t: CfpTruth) => boolean,
): Promise<{ rows: R[]; anchors: R[]; rounds: Map<string, number>; folds: number; train: TrainOptions }> {
  const dir = args.cases ?? 'eval/cfp/cases';
  return {
    rows: (await tuningCases(dir)).map(rowOf),
    anchors: (await loadAnchors(args.anchors ?? ANCHORS)).filter((a) => teaches(a.truth)).map(rowOf),
    rounds: await roundsOf(dir),
    folds: Number(args.folds ?? 5),
    train: { ...(args.epochs ? { epochs: Number(args.epochs) } : {}), ...(args.rate ? { rate: Number(args.rate) } : {}), ...(args.l2 ? { l2: Number(args.l2) } : {}) },
  };
}

/**
 * One logistic model, fitted exactly by the project's Newton fit (core/triage/logistic-fit.ts), for the
 * choosers whose feature vectors start with the constant bias feature (editors, topics): the fit keeps the
 * bias apart (and unpenalised), so it is left out of the rows and written back as the first weight.
 *
 * @example
 * fitBiasFirst([{ x: [1, 0], y: false }, { x: [1, 1], y: true }], 0.001) // [bias, weight]
 */
export function fitBiasFirst(rows: ReadonlyArray<{ x: readonly number[]; y: boolean }>, l2: number): number[] {
  const f = fitLogistic(rows.map((r) => ({ x: r.x.slice(1), y: r.y ? 1 : 0 })), { l2 });
  return [f.bias, ...f.weights];
}

/** Items found, labelled and matched over many calls (names, topics): precision and recall come from it. */
export interface ItemTally {
  found: number;
  truth: number;
  matched: number;
}

/**
 * Add one call's found and labelled items to a tally, matched one-to-one by `count`.
 *
 * @example
 * const t = { found: 0, truth: 0, matched: 0 };
 * addItems(t, ['A'], ['A', 'B'], (f, tr) => matched(f, tr, sameTopic)); // t: { found: 1, truth: 2, matched: 1 }
 */
export function addItems(t: ItemTally, found: readonly string[], truth: readonly string[], count: (found: readonly string[], truth: readonly string[]) => number): void {
  t.found += found.length;
  t.truth += truth.length;
  t.matched += count(found, truth);
}

/**
 * Each former held-out round in order (numerically), with its rows and the rows a model trained without it
 * may see: every row but those of the round's sites.
 *
 * @example
 * for (const { round, inRound, rest } of roundsLeftOut(rows, rounds, (r) => r.truth.id, (r) => r.group)) report(round, inRound, train(rest));
 */
export function roundsLeftOut<R>(rows: readonly R[], rounds: ReadonlyMap<string, number>, idOf: (r: R) => string, siteOf: (r: R) => string): Array<{ round: number; inRound: R[]; rest: R[] }> {
  return [...new Set(rounds.values())].sort((a, b) => a - b).map((round) => {
    const inRound = rows.filter((r) => rounds.get(idOf(r)) === round);
    const sites = new Set(inRound.map(siteOf));
    return { round, inRound, rest: rows.filter((r) => !sites.has(siteOf(r))) };
  });
}

/** One labelled tuning call as the item choosers' trainers (editors, topics) see it. */
export interface LabelledRow<C> {
  truth: CfpTruth;
  /** Its site ({@link groupOf}): folds and rounds left out go by site. */
  group: string;
  candidates: C[];
  /** Whether each candidate is right. */
  labels: boolean[];
  /** What the rules alone give (the parser with this chooser set to 'rules'). */
  rules: string[];
}

/** A tally with nothing counted yet. */
export const emptyTally = (): ItemTally => ({ found: 0, truth: 0, matched: 0 });

/**
 * The items `found` gives each row, tallied against the row's labelled items.
 *
 * @example
 * tallyItems(rows, (r) => r.rules, (r) => r.truth.topics, matchCount) // { found, truth, matched }
 */
export function tallyItems<R>(rows: readonly R[], found: (r: R) => readonly string[], truth: (r: R) => readonly string[], count: (found: readonly string[], truth: readonly string[]) => number): ItemTally {
  const t = emptyTally();
  for (const r of rows) addItems(t, found(r), truth(r), count);
  return t;
}
