import { describe, expect, it } from 'vitest';
import { DEFAULT_EXEMPLAR_PARAMS, exemplarMoments, exemplarTerm, type ExemplarMatch } from './exemplars.js';

const matches: ExemplarMatch[] = [
  { callId: 'a', n: 1, dense: 0.6, lexical: 9 },
  { callId: 'b', n: 1, dense: 0.4, lexical: 3 },
  { callId: 'c', n: 3, dense: 0.5, lexical: 6 },
];

describe('exemplarTerm', () => {
  const moments = exemplarMoments(matches, DEFAULT_EXEMPLAR_PARAMS);
  if (!moments) throw new Error('no moments');
  const z = (m: ExemplarMatch) => 0.5 * ((m.dense - moments.dense.mean) / moments.dense.sd) + 0.5 * ((m.lexical - moments.lexical.mean) / moments.lexical.sd);

  it('weighs a call with text by weight n / (n + halfAt)', () => {
    const [a, , c] = matches as [ExemplarMatch, ExemplarMatch, ExemplarMatch];
    expect(exemplarTerm(a, moments, DEFAULT_EXEMPLAR_PARAMS)).toBeCloseTo((2 * 1) / 3 * z(a), 12);
    expect(exemplarTerm(c, moments, DEFAULT_EXEMPLAR_PARAMS)).toBeCloseTo(0, 12); // c is the mean on both parts
  });

  it('lets a title-only call lean on its papers sooner (titleOnlyHalfAt), with the same sign', () => {
    const a = matches[0] as ExemplarMatch;
    const b = matches[1] as ExemplarMatch;
    expect(exemplarTerm(a, moments, DEFAULT_EXEMPLAR_PARAMS, true)).toBeCloseTo((2 * 1) / 2 * z(a), 12);
    expect(exemplarTerm(a, moments, DEFAULT_EXEMPLAR_PARAMS, true)).toBeGreaterThan(exemplarTerm(a, moments, DEFAULT_EXEMPLAR_PARAMS));
    expect(exemplarTerm(b, moments, DEFAULT_EXEMPLAR_PARAMS, true)).toBeLessThan(exemplarTerm(b, moments, DEFAULT_EXEMPLAR_PARAMS));
    expect(exemplarTerm(a, moments, { ...DEFAULT_EXEMPLAR_PARAMS, titleOnlyHalfAt: DEFAULT_EXEMPLAR_PARAMS.halfAt }, true)).toBe(exemplarTerm(a, moments, DEFAULT_EXEMPLAR_PARAMS));
  });
});
