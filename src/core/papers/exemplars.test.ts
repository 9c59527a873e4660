import { describe, expect, it } from 'vitest';
import { isCfpError } from '../errors.js';
import { exemplarId, mergeCatalogueExemplars, mergeExemplars, titleKey, withoutExemplars } from './exemplars.js';
import { parsePapersJsonl } from './jsonl.js';
import { ExemplarInput, normalizeDoi, type ValidExemplarInput } from './schema.js';

const paper = (title: string, extra: Partial<ValidExemplarInput> = {}): ValidExemplarInput => ExemplarInput.parse({ title, ...extra });
const errorOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

describe('exemplar identity', () => {
  it('compares titles without case, accents, punctuation or spacing', () => {
    expect(titleKey('Édge AI:  a Survey.')).toBe(titleKey('edge ai - a survey'));
    expect(titleKey('Edge AI')).not.toBe(titleKey('Edge AIs'));
  });
  it('normalises DOIs from links and labels, and refuses what is not a DOI', () => {
    expect(normalizeDoi('https://doi.org/10.1109/JIOT.2024.123')).toBe('10.1109/jiot.2024.123');
    expect(normalizeDoi('doi: 10.1109/X')).toBe('10.1109/x');
    expect(ExemplarInput.safeParse({ title: 'T', doi: 'not-a-doi' }).success).toBe(false);
    expect(ExemplarInput.safeParse({ title: 'T', url: 'javascript:alert(1)' }).success).toBe(false);
    expect(ExemplarInput.safeParse({ title: ' \u200b ' }).success).toBe(false);
  });
  it('gives a paper the same id from its DOI whatever its title, else from its title', () => {
    expect(exemplarId({ title: 'A', doi: '10.1000/x' })).toBe(exemplarId({ title: 'B', doi: '10.1000/x' }));
    expect(exemplarId({ title: 'A paper.' })).toBe(exemplarId({ title: 'a paper' }));
  });
});

describe('mergeExemplars', () => {
  it('keeps a paper once per DOI and per title, in the request and against the stored ones', () => {
    const first = mergeExemplars([], [paper('Edge AI', { doi: '10.1000/a' }), paper('Other')], 'manual');
    expect(first.added).toBe(2);
    const r = mergeExemplars(first.papers, [paper('Renamed', { doi: 'https://doi.org/10.1000/A' }), paper('other.'), paper('New'), paper('NEW')], 'manual');
    expect(r).toMatchObject({ added: 1, duplicates: 3 });
    expect(r.papers.map((p) => p.title)).toEqual(['Edge AI', 'Other', 'New']);
    expect(r.ids).toEqual([first.ids[0], first.ids[1], r.papers[2]?.id, r.papers[2]?.id]);
  });
  it('a duplicate fills only what the stored paper lacks', () => {
    const stored = mergeExemplars([], [paper('Edge AI', { abstract: 'kept' })], 'catalogue').papers;
    const r = mergeExemplars(stored, [paper('edge ai', { abstract: 'ignored', doi: '10.1000/z', keywords: ['k'] })], 'manual');
    expect(r.papers[0]).toMatchObject({ id: stored[0]?.id, abstract: 'kept', doi: '10.1000/z', keywords: ['k'], source: 'catalogue' });
  });
  it('refuses to go over the cap with a VALIDATION error naming papers, changing nothing', () => {
    const stored = mergeExemplars([], [paper('a'), paper('b')], 'manual').papers;
    const e = errorOf(() => mergeExemplars(stored, [paper('c'), paper('d'), paper('a')], 'manual', 3));
    expect(isCfpError(e) && e.code).toBe('VALIDATION');
    expect(isCfpError(e) && e.fields?.[0]?.path).toBe('papers');
    expect((e as Error).message).toMatch(/at most 3 papers: it has 2 and this would add 2 more \(3 given, 1 duplicates\)/);
    expect(stored).toHaveLength(2);
  });
  it('10,000 papers on one call are refused at the default cap', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => paper(`Paper ${i}`));
    expect(() => mergeExemplars([], many, 'manual')).toThrow(/at most 1000 papers/);
  });
});

describe('the catalogue hook', () => {
  it("replaces an earlier import's papers with the page's current list and keeps hand-added ones", () => {
    const manual = mergeExemplars([], [paper('Hand added')], 'manual').papers;
    const firstImport = mergeCatalogueExemplars(manual, [paper('Listed 1', { abstract: 'abs' }), paper('Listed 2')]).papers;
    expect(firstImport.map((p) => `${p.source}:${p.title}`)).toEqual(['manual:Hand added', 'catalogue:Listed 1', 'catalogue:Listed 2']);
    const refresh = mergeCatalogueExemplars(firstImport, [paper('Listed 1'), paper('Listed 3'), paper('hand added')]).papers;
    expect(refresh.map((p) => `${p.source}:${p.title}`)).toEqual(['manual:Hand added', 'catalogue:Listed 1', 'catalogue:Listed 3']);
    // The page now lists only the title: the abstract an earlier import stored stays.
    expect(refresh.find((p) => p.title === 'Listed 1')?.abstract).toBe('abs');
  });
});

it('withoutExemplars names unknown ids with NOT_FOUND', () => {
  const stored = mergeExemplars([], [paper('a'), paper('b')], 'manual').papers;
  expect(withoutExemplars(stored, [stored[0]?.id ?? ''])).toHaveLength(1);
  const e = errorOf(() => withoutExemplars(stored, ['nope']));
  expect(isCfpError(e) && e.code).toBe('NOT_FOUND');
});

describe('parsePapersJsonl', () => {
  it('reads papers, skipping blank lines and a BOM', () => {
    const out = parsePapersJsonl('\uFEFF{"title":"A","doi":"10.1000/a"}\n\n{"title":"B","abstract":"x","keywords":["k"]}\r\n', 'p.jsonl');
    expect(out.map((p) => p.title)).toEqual(['A', 'B']);
    expect(out[0]?.doi).toBe('10.1000/a');
  });
  it('names every bad line by number and returns nothing', () => {
    const e = errorOf(() => parsePapersJsonl('{"title":"ok"}\n{"title":\n{"abstract":"no title"}\n{"title":"x","color":1}\n', 'p.jsonl'));
    expect(isCfpError(e) && e.code).toBe('BAD_INPUT');
    expect(isCfpError(e) && e.fields?.map((f) => f.path)).toEqual(['p.jsonl:2', 'p.jsonl:3', 'p.jsonl:4']);
    expect((e as Error).message).toMatch(/^3 bad lines, nothing stored: p\.jsonl:2: not valid JSON; p\.jsonl:3: title: /);
  });
  it('an empty file is an error', () => {
    expect(() => parsePapersJsonl('\n \n', 'p.jsonl')).toThrow(/no papers found/);
  });
});
