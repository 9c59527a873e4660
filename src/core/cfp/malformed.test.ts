import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';
import { isCfpError } from '../errors.js';
import { fixtureText } from '../../../tests/fixtures/cfp/load.js';
import { createRng as rng } from '../random.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (!isCfpError(err)) throw new Error(`threw a non-CfpError: ${String(err)}`);
    return err.code;
  }
}

/** Parse, and fail the test if anything but a CfpError escapes. */
function parsesOrBadCfp(text: string): void {
  const code = codeOf(() => parseCfp(text));
  if (code !== undefined) expect(['BAD_CFP', 'TOO_LARGE']).toContain(code);
}

describe('inputs that are not a CFP', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t\u00a0 \r\n '],
    ['NUL bytes', 'Special Issue on X\u0000\u0000\u0000'],
    ['mostly control characters', '\u0001\u0002\u0003\u0004\u0005\u0006 ab'],
    ['only bullets', '* \n- \n• \n●\n1. \n'],
    ['only a date', 'Submission deadline: 1 May 2025'],
    ['only punctuation', '!!! ??? ... ---'],
  ])('%s -> BAD_CFP', (_name, text) => {
    expect(codeOf(() => parseCfp(text))).toBe('BAD_CFP');
  });

  it('says what is wrong', () => {
    expect(() => parseCfp('   ')).toThrow(/empty/);
    expect(() => parseCfp('a\u0000b')).toThrow(/binary/);
    expect(() => parseCfp('* \n- ')).toThrow(/no recognisable title and no scope/);
  });

  it('refuses absurdly long text with TOO_LARGE', () => {
    expect(codeOf(() => parseCfp('word '.repeat(100_000)))).toBe('TOO_LARGE');
  });

  it('refuses a non-string at runtime (JSON callers)', () => {
    expect(codeOf(() => parseCfp(42 as unknown as string))).toBe('BAD_CFP');
  });
});

describe('thin but real CFPs', () => {
  it('parses a CFP with no topic list, with a warning', () => {
    const call = parseCfp(fixtureText('no-topics.txt'));
    expect(call.title).toBe('Sustainable Data Centres');
    expect(call.topics).toEqual([]);
    expect(call.warnings).toContain('no topic list found');
    expect(call.scope).toMatch(/^Data centres consume/);
    expect(call.dates.submission_deadline).toBe('2025-06-30');
  });

  it('parses scope-only prose, with a title taken from the scope and a warning', () => {
    const call = parseCfp('We invite papers about robust control of soft robots operating in unstructured environments.');
    expect(call.title.length).toBeGreaterThan(0);
    expect(call.warnings.some((w) => w.includes('no title'))).toBe(true);
    expect(call.id).toMatch(/^[a-z0-9]/);
  });

  it('honours opts.id and keeps the source text', () => {
    const text = '# Special Issue on Edge AI\n\nPapers on edge AI systems are welcome here.';
    const call = parseCfp(text, { id: 'my-call' });
    expect(call.id).toBe('my-call');
    expect(call.source_text).toBe(text);
  });

  it('rejects an invalid opts.id as BAD_CFP', () => {
    expect(codeOf(() => parseCfp('# Special Issue on Edge AI\n\nSome scope text here.', { id: 'no spaces allowed' }))).toBe('BAD_CFP');
  });
});


const PIECES = [
  '* ', '- ', '• ', '● ', '1. ', '1) ', '### ', '**', 'Title: ', 'Guest Editors', 'Submission Deadline: ', 'Final Decision: ',
  '[x](mailto:', '(', '“', '15/04/2025', 'March 2026', 'Special Issue on ', 'topics include:', '\t', '\u00a0', ', ', 'http://',
];

function weirdString(next: () => number): string {
  const parts: string[] = [];
  const n = Math.floor(next() * 30);
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.35) parts.push(PIECES[Math.floor(next() * PIECES.length)] ?? '');
    else if (r < 0.5) parts.push('\n');
    else if (r < 0.75) parts.push(String.fromCodePoint(Math.floor(next() * 0x110000) & ~0x800)); // any plane, lone surrogates avoided
    else if (r < 0.85) parts.push(String.fromCharCode(0xd800 + Math.floor(next() * 0x800))); // lone surrogate
    else parts.push(String.fromCharCode(32 + Math.floor(next() * 95)).repeat(1 + Math.floor(next() * 8)));
  }
  return parts.join('');
}

describe('weird strings only ever throw CfpError', () => {
  it('random unicode, lone surrogates and structured junk', () => {
    const next = rng(20251122);
    for (let i = 0; i < 500; i++) parsesOrBadCfp(weirdString(next));
  });

  // No timed assertion (shared, noisy machines): a pattern that goes quadratic on these 150-330k
  // character lines takes many minutes, so the test timeout catches it; linear parsing takes seconds.
  it('huge single lines finish', { timeout: 120_000 }, () => {
    const huge = `${'Edge intelligence (EI) and generative AI, '.repeat(8_000)}topics include:`;
    parsesOrBadCfp(huge);
    parsesOrBadCfp('('.repeat(300_000));
    parsesOrBadCfp(`${'Aa '.repeat(100_000)},`);
    parsesOrBadCfp(`Submission: ${'1 '.repeat(150_000)}`);
    // Inputs that once made a regex quadratic: a long word after an editor name, unclosed link brackets.
    parsesOrBadCfp(`Guest Editors\n\nAda Lovelace\n${'a'.repeat(200_000)}`);
    parsesOrBadCfp('[a'.repeat(150_000));
  });
});
