/**
 * The learned guest-editor chooser: two logistic models over each name the
 * call writes (editor-candidates.ts). The first scores a name on what
 * surrounds it; the second adds what the first said of the names around it
 * (editors come in lists: one name confidently an editor lifts the names on
 * its own and the next lines). A candidate is an editor when the second
 * model's probability reaches the threshold. Trained on the labelled calls
 * by `npm run train:editors` (src/eval/cfp/train-editors.ts) and shipped in
 * data/editor-model.json, imported so the parser reads no file on any runtime.
 */
import shipped from '../../../data/editor-model.json' with { type: 'json' };
import type { GuestEditor } from '../schema.js';
import { sigmoid } from '../rank/vector-math.js';
import type { Line } from './lines.js';
import type { SectionKind } from './sections.js';
import { editorCandidates, EDITOR_FEATURES, type EditorCandidate } from './editor-candidates.js';
import { withoutEndStop } from './names.js';
import { alignWeights } from './title-model.js';

/** What the second model reads beside a candidate's own features. */
export const NEIGHBOUR_FEATURES = ['self-p', 'same-line-max-p', 'near-max-p', 'near-count-p50', 'call-max-p'] as const;

export interface EditorModel {
  /** Feature names of the first model, in the order of `first`. */
  features: string[];
  first: number[];
  /** Weights over `features` then {@link NEIGHBOUR_FEATURES}. */
  second: number[];
  /** A name the rules did not give is added at this probability or above. */
  threshold: number;
  /** A rules' editor is dropped only below this probability: the rules are precise, the model overrules them only when sure. */
  ruleThreshold: number;
}

/** The shipped weights, as `npm run train:editors` wrote them. */
export const SHIPPED_EDITOR_MODEL: EditorModel = { features: shipped.features, first: shipped.first, second: shipped.second, threshold: shipped.threshold, ruleThreshold: shipped.ruleThreshold };

/**
 * The model's probability for a feature vector (its first feature is the bias, always 1).
 *
 * @example
 * probability([1, 0], [0, 5]) // 0.5
 */
export function probability(x: readonly number[], w: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += (x[j] ?? 0) * (w[j] ?? 0);
  return sigmoid(s);
}

/**
 * The second model's inputs: each candidate's own features, then what the
 * first model (its probabilities `p`) says of it and of the names around it.
 *
 * @example
 * secondFeatures([{ name: 'A B', key: 'a b', lines: [0], features: [1] }], [0.9])[0] // [1, 0.9, 0, 0, 0, 0]
 */
export function secondFeatures(candidates: readonly EditorCandidate[], p: readonly number[]): number[][] {
  return candidates.map((c, i) => {
    let sameLine = 0;
    let near = 0;
    let count = 0;
    let call = 0;
    const line = c.lines[0];
    candidates.forEach((o, j) => {
      if (j === i) return;
      const pj = p[j] ?? 0;
      call = Math.max(call, pj);
      const other = o.lines[0];
      if (line === undefined || other === undefined) return;
      const d = Math.abs(other - line);
      if (d === 0) sameLine = Math.max(sameLine, pj);
      if (d <= 3) {
        near = Math.max(near, pj);
        if (pj >= 0.5) count++;
      }
    });
    return [...c.features, p[i] ?? 0, sameLine, near, Math.min(count, 3) / 3, call];
  });
}

/** Both weight vectors in the order the code computes the features ({@link alignWeights}: a name the code no longer computes is ignored, a new one weighs 0). */
function aligned(model: EditorModel): { first: number[]; second: number[] } {
  return {
    first: alignWeights({ features: model.features, weights: model.first }, EDITOR_FEATURES),
    second: alignWeights({ features: [...model.features, ...NEIGHBOUR_FEATURES], weights: model.second }, [...EDITOR_FEATURES, ...NEIGHBOUR_FEATURES]),
  };
}

/**
 * Each candidate's probability of being a guest editor under the model.
 *
 * @example
 * editorProbabilities(candidates, SHIPPED_EDITOR_MODEL)
 */
export function editorProbabilities(candidates: readonly EditorCandidate[], model: EditorModel = SHIPPED_EDITOR_MODEL): number[] {
  const w = aligned(model);
  const p1 = candidates.map((c) => probability(c.features, w.first));
  return secondFeatures(candidates, p1).map((x) => probability(x, w.second));
}

/** The guest editors as the rules read them, with the lines they used (parseEditors' result). */
export interface RuledEditors {
  editors: GuestEditor[];
  used: ReadonlySet<number>;
}

/**
 * The guest editors the model chooses: the rules' editors it keeps, in the
 * rules' order (with the affiliation, e-mail and lead mark the rules read),
 * then the names it adds, in text order; and the lines they come from (the
 * rules' own lines, affiliations included, while it keeps any of theirs).
 *
 * @example
 * chooseEditors(editorCandidates(lines, sectionsOf(lines), ruled.editors), ruled).editors
 */
export function chooseEditors(candidates: readonly EditorCandidate[], ruled: RuledEditors, model: EditorModel = SHIPPED_EDITOR_MODEL): { editors: GuestEditor[]; lines: number[] } {
  const p = editorProbabilities(candidates, model);
  const kept = candidates.filter((c, i) => (p[i] ?? 0) >= (c.rule ? model.ruleThreshold : model.threshold));
  const believed = new Set(kept.flatMap((c) => (c.rule ? [c.rule] : [])));
  const fromRules = ruled.editors.filter((e) => believed.has(e));
  // A name read up to its sentence's end keeps no full stop ("... and Samantha Xu."); a name is kept once.
  const seen = new Set<string>();
  const editors = [...fromRules, ...kept.filter((c) => !c.rule).map((c): GuestEditor => ({ name: c.name }))]
    .map((e) => ({ ...e, name: withoutEndStop(e.name) }))
    .filter((e) => !seen.has(e.name.toLowerCase()) && seen.add(e.name.toLowerCase()));
  const added = kept.filter((c) => !c.rule);
  return {
    editors,
    lines: [...(fromRules.length > 0 ? ruled.used : []), ...added.flatMap((c) => c.lines)],
  };
}

export type EditorChooser = 'learned' | 'rules';

/**
 * The parser's guest editors: the rules' alone, or the learned chooser's over
 * every name the text writes; `onCandidates` (the trainer) sees the
 * candidates whichever chooser decides.
 *
 * @example
 * guestEditors(lines, sections, parseEditors(lines, sections, isDate), { chooser: 'learned' }).editors
 */
export function guestEditors(
  lines: readonly Line[],
  sections: readonly SectionKind[],
  ruled: RuledEditors,
  opts: { chooser: EditorChooser; model?: EditorModel; onCandidates?: (seen: EditorCandidate[]) => void },
): { editors: GuestEditor[]; lines: number[] } {
  const learned = opts.chooser === 'learned';
  if (!learned && !opts.onCandidates) return { editors: ruled.editors, lines: [...ruled.used] };
  const candidates = editorCandidates(lines, sections, ruled.editors);
  opts.onCandidates?.(candidates);
  return learned ? chooseEditors(candidates, ruled, opts.model) : { editors: ruled.editors, lines: [...ruled.used] };
}
