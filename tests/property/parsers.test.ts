/**
 * Property tests: the CFP parser, the request schemas and matcher.rank on
 * arbitrary input fail only in the documented, coded ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCfp } from '../../src/core/cfp/parse.js';
import { CfpError, isCfpError } from '../../src/core/errors.js';
import { Draft, RankRequest, TriageRequest } from '../../src/core/schema.js';
import { parseOrThrow } from '../../src/core/validate.js';
import { testMatcher } from '../http/helpers.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** Lines that look like parts of a CFP, so the parser's deeper branches run, not just the guard. */
const cfpLine = fc.oneof(
  fc.constantFrom('# Special Issue on ', '## Topics', 'Topics of interest include:', 'Important dates', 'Guest Editors', 'Submission Guidelines', ''),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '  - ', '• '), fc.string({ maxLength: 60 })).map(([b, t]) => b + t),
  fc.tuple(fc.constantFrom('Submission deadline: ', 'Manuscript due: ', 'Publication date: ', 'Deadline '), fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toDateString()), fc.string({ maxLength: 20 }))).map(([a, b]) => a + b),
  fc.tuple(fc.constantFrom('Dr. ', 'Prof. ', ''), fc.string({ maxLength: 30 }), fc.constantFrom(', University of X', ' (lead)', ' <a@b.c>', '')).map((p) => p.join('')),
  fc.constantFrom('https://example.org/si', '[link](http://x)', 'IEEE Transactions on Things', 'Abstract: max 250 words', 'Keywords: 3-5'),
  fc.string({ maxLength: 120, unit: 'grapheme' }),
  fc.string({ maxLength: 40, unit: 'binary' }),
);
const anyText = fc.oneof(
  fc.string({ maxLength: 2_000, unit: 'grapheme' }),
  fc.string({ maxLength: 2_000, unit: 'binary' }),
  fc.string({ maxLength: 2_000, unit: 'binary-ascii' }),
);
const cfpText = fc.array(cfpLine, { maxLength: 40 }).map((lines) => lines.join('\n'));

function expectOnlyCfpError(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!isCfpError(err)) throw new Error(`threw a non-CfpError: ${String(err)}`, { cause: err });
    expect(['BAD_CFP', 'TOO_LARGE']).toContain(err.code);
  }
}

describe('parseCfp on arbitrary text', () => {
  it('throws nothing but a CfpError on any string', () => {
    fc.assert(
      fc.property(anyText, (s) =>
        expectOnlyCfpError(() => parseCfp(s)),
      ),
      { numRuns: RUNS },
    );
  });

  it('throws nothing but a CfpError on CFP-shaped text, and what it returns is a call', () => {
    fc.assert(
      fc.property(cfpText, (s) => {
        let call;
        try {
          call = parseCfp(s, { now: '2025-06-01' });
        } catch (err) {
          expect(err).toBeInstanceOf(CfpError);
          return;
        }
        expect(call.title.length).toBeGreaterThan(0);
        expect(Array.isArray(call.topics)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('request schemas on arbitrary JSON', () => {
  it('safeParse returns success or failure and never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        for (const schema of [Draft, RankRequest, RankRequest.strict(), TriageRequest]) {
          const r = schema.safeParse(v);
          expect(typeof r.success).toBe('boolean');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('safeParse of draft-shaped objects with hostile values never throws', () => {
    const value = fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' }), fc.double(), fc.constant(undefined), fc.constant('__proto__'));
    const draftish = fc.record(
      { title: value, abstract: value, keywords: fc.oneof(value, fc.array(value)), top_k: value, as_of: value, open_only: value, explain: value },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(draftish, (v) => {
        expect(typeof RankRequest.strict().safeParse(v).success).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('edge validation + matcher.rank on arbitrary objects', () => {
  it('rejects only with CfpError VALIDATION, or ranks', async () => {
    const matcher = await testMatcher();
    const input = fc.oneof(
      fc.anything(),
      fc.record({ abstract: fc.oneof(fc.string({ unit: 'binary' }), fc.anything()), top_k: fc.anything(), as_of: fc.anything(), keywords: fc.anything() }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(input, async (v) => {
        try {
          const res = await matcher.rank(parseOrThrow(RankRequest, v, 'request'));
          expect(Array.isArray(res.results)).toBe(true);
        } catch (err) {
          if (!isCfpError(err)) throw new Error(`rejected with a non-CfpError: ${String(err)}`, { cause: err });
          expect(err.code).toBe('VALIDATION');
        }
      }),
      { numRuns: Math.min(RUNS, 200) },
    );
  });
});
