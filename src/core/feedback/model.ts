/**
 * A call's triage adjusted by its editors' decisions: the calibrated logit plus a small per-call
 * logistic fit on the decisions, with two inputs: a shift (this call's editors are stricter or more
 * lenient than the calibration) and a prototype feature, how much closer a submission is to the
 * in-scope decisions than to the out-of-scope ones. Both are held toward "no change" by a prior
 * worth `prior` decisions, so a few decisions move the verdict a little and many move it more.
 */
import { dot, l2Normalize, mean, std } from '../rank/vector-math.js';
import { fitLogistic } from '../triage/logistic-fit.js';

export interface FeedbackExample {
  vector: Float32Array;
  /** The calibrated logit of the submission for the call when it was decided. */
  logit: number;
  label: 0 | 1;
}

export interface FeedbackModelOptions {
  /** Strength of the pull toward "no change", in decisions. */
  prior: number;
  /** Use the prototype feature (else only the per-call shift). */
  prototype: boolean;
}

// prior 4 and the prototype feature: eval/README.md "Editors' decisions" (feedback simulation on ACL and arXiv).
export const DEFAULT_FEEDBACK_MODEL: FeedbackModelOptions = { prior: 4, prototype: true };

export interface FeedbackModel {
  decisions: number;
  inScope: number;
  outOfScope: number;
  /** The adjusted logit of a submission with this calibrated logit and vector. */
  adjust(logit: number, vector: Float32Array): number;
}

/** Logit of a probability, kept finite. */
export function logitOf(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

const MIN_SPREAD = 0.02;

/**
 * @example
 * const model = fitFeedbackModel(examples);
 * const p = sigmoid(model.adjust(logitOf(probability), vector));
 */
export function fitFeedbackModel(examples: readonly FeedbackExample[], opts: FeedbackModelOptions = DEFAULT_FEEDBACK_MODEL): FeedbackModel {
  const n = examples.length;
  const inScope = examples.filter((e) => e.label === 1).length;
  const base = { decisions: n, inScope, outOfScope: n - inScope };
  if (n === 0) return { ...base, adjust: (logit) => logit };
  const dims = examples[0]?.vector.length ?? 0;
  const sums = [new Float32Array(dims), new Float32Array(dims)] as const;
  const counts = [n - inScope, inScope];
  for (const e of examples) e.vector.forEach((x, i) => (sums[e.label][i] = (sums[e.label][i] as number) + x));
  // Prototype difference; `own` (a training row) is left out of its class's prototype.
  const proto = (v: Float32Array, own?: FeedbackExample): number => {
    let s = 0;
    for (const label of [1, 0] as const) {
      const k = (counts[label] as number) - (own?.label === label ? 1 : 0);
      if (k <= 0) continue;
      const sum = own?.label === label ? sums[label].map((x, i) => x - (own.vector[i] as number)) : sums[label];
      s += (label === 1 ? 1 : -1) * dot(v, l2Normalize(sum));
    }
    return s;
  };
  const raw = opts.prototype ? examples.map((e) => proto(e.vector, e)) : [];
  const mu = mean(raw);
  const sd = Math.max(std(raw, mu), MIN_SPREAD);
  const penalty = opts.prior / n;
  const fit = fitLogistic(
    examples.map((e, i) => ({ x: opts.prototype ? [((raw[i] as number) - mu) / sd] : [], y: e.label, offset: e.logit })),
    { l2: penalty, l2Bias: penalty },
  );
  const w = fit.weights[0] ?? 0;
  // The prototypes for new submissions use every decision (precomputed once).
  const protoIn = inScope ? l2Normalize(sums[1]) : undefined;
  const protoOut = n - inScope ? l2Normalize(sums[0]) : undefined;
  return {
    ...base,
    adjust(logit, vector) {
      if (!opts.prototype) return logit + fit.bias;
      const s = (protoIn ? dot(vector, protoIn) : 0) - (protoOut ? dot(vector, protoOut) : 0);
      return logit + fit.bias + w * ((s - mu) / sd);
    },
  };
}
