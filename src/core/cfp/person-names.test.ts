import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { sectionsOf } from './sections.js';
import { editorCandidates, EDITOR_FEATURES } from './editor-candidates.js';
import { isFamilyName, isGivenName, nameEvidence } from './person-names.js';

const feature = (name: string, text: string, f: (typeof EDITOR_FEATURES)[number]) => {
  const lines = toLines(text);
  const c = editorCandidates(lines, sectionsOf(lines), []).find((x) => x.name === name);
  if (!c) throw new Error(`no candidate ${name}`);
  return c.features[EDITOR_FEATURES.indexOf(f)];
};

describe('person names', () => {
  it('knows given names of many languages, folded for accents and case', () => {
    for (const n of ['Maria', 'Gaspare', 'Pekka', 'Wolfgang', 'Ilse', 'João', 'JOÃO', 'joao', 'Audrey']) expect(isGivenName(n), n).toBe(true);
  });

  it('keeps words that a call writes as words out of the given names', () => {
    for (const w of ['The', 'General', 'Major', 'May', 'Will', 'Le', 'De', 'Da', 'Open', 'Access', 'Journal', 'Special', 'Norme']) expect(isGivenName(w), w).toBe(false);
  });

  it('knows family names', () => {
    for (const n of ['Abrahamsson', 'Panetta', 'Wang', 'Smith', 'Müller']) expect(isFamilyName(n), n).toBe(true);
    expect(isFamilyName('Challenges')).toBe(false);
  });

  it('reads a pinyin given name beside a listed family name, in either order, and not beside any word', () => {
    expect(nameEvidence(['xiaofeng', 'wang'])).toEqual({ given: true, family: true });
    expect(nameEvidence(['wang', 'xiaofeng']).given).toBe(true);
    expect(nameEvidence(['xiaofeng', 'submissions']).given).toBe(false);
    expect(nameEvidence(['open', 'access', 'challenges'])).toEqual({ given: false, family: false });
    expect(nameEvidence(['maria'])).toEqual({ given: false, family: false });
    // A city written like a Chinese name is not one.
    expect(nameEvidence(['hong', 'kong']).given).toBe(false);
  });

  it('gives the chooser a person’s name apart from a capitalised phrase in the same sentence', () => {
    const text = 'Il fascicolo, curato da Maria Panetta e Gaspare Trapani, uscirà il 25 maggio. Le Norme redazionali sono sul sito.';
    expect(feature('Maria Panetta', text, 'given-name')).toBe(1);
    expect(feature('Gaspare Trapani', text, 'given-name')).toBe(1);
    expect(feature('Le Norme', text, 'given-name')).toBe(0);
    // "curato da" says who edits the issue, as "edited by" does.
    expect(feature('Maria Panetta', text, 'label-sentence')).toBe(1);
  });
});
