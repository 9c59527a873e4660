import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { findTitle } from './title.js';
import { titleCandidates } from './title-candidates.js';
import { TITLE_FEATURES, titleFeatures } from './title-features.js';
import { titleFromLines } from './title-lines.js';
import { withClosedQuote } from './title-wrap.js';

const candidatesOf = (text: string) => {
  const lines = toLines(text);
  const prose = lines.filter((l) => l.kind === 'text').map((l) => l.text).join('\n\n');
  return titleCandidates({ lines, prose, tried: findTitle(lines, prose).tried, plain: text }).map((c) => c.text);
};

const PROSE = 'Als angewandte Forschungsdisziplin zielt die Wirtschaftsinformatik auf Ergebnisse, die dem wissenschaftlichen Diskurs und der betrieblichen Praxis dienen, und diskutiert seit langem, wann eine praxisorientierte Arbeit noch ausreichend wissenschaftlich ist.';

describe('titles wrapped over lines in other languages (session 19)', () => {
  it('joins a first title line that ends on a joining word of another language with the next line', () => {
    const t = titleFromLines(toLines(`Forschung für die\nPraxis\n\n${PROSE}`));
    expect(t?.title).toBe('Forschung für die Praxis');
    expect(titleFromLines(toLines(`Memoria, archivos y políticas de\nla memoria en América Latina\n\n${PROSE}`))?.title).toBe('Memoria, archivos y políticas de la memoria en América Latina');
  });

  it('leaves a line that ends on a word that only looks like one alone', () => {
    // "Praxis" is no joining word, and a single letter ("Vitamin E") is never one.
    expect(titleFromLines(toLines(`Forschung und Praxis\nHeft 3\n\n${PROSE}`))?.title).toBe('Forschung und Praxis');
    expect(titleFromLines(toLines(`Die Rolle von Vitamin E\nin der Ernährung\n\n${PROSE}`))?.title).toBe('Die Rolle von Vitamin E');
  });

  it('weighs a candidate ending on a German, French or Spanish joining word as dangling', () => {
    const lines = toLines('x\n\ny');
    const dangling = (text: string) => titleFeatures({ text, sources: ['short-line'], lines: [0], kind: 'heading' }, { lines, scope: 'x', venues: [] })[TITLE_FEATURES.indexOf('dangling-end')];
    expect(dangling('Forschung für die')).toBe(1);
    expect(dangling('Les enjeux de la')).toBe(1);
    expect(dangling('Forschung für die Praxis')).toBe(0);
    // "Audio" ends in "dio", not on "di": the word must stand alone.
    expect(dangling('Radio and Audio')).toBe(0);
  });

  it('closes a German „…“ or a French «…» quote on the next line', () => {
    expect(withClosedQuote(toLines('Schwerpunktthema „Anerkennung von Diversität?\nReligionspädagogische Herausforderungen“'), 0)).toBe('Schwerpunktthema „Anerkennung von Diversität? Religionspädagogische Herausforderungen“');
    expect(withClosedQuote(toLines('Numéro « Les enjeux\nde la transdisciplinarité »'), 0)).toBe('Numéro « Les enjeux de la transdisciplinarité »');
    // A German quote closed on its own line is left as it is.
    expect(withClosedQuote(toLines('Schwerpunktthema „Solidarität“\nHeft 4'), 0)).toBe('Schwerpunktthema „Solidarität“');
  });

  it('offers a quoted theme wrapped over a line break as one candidate', () => {
    const texts = candidatesOf(`ÖRF-Ausgabe 25 (2016, 2)\nSchwerpunktthema „Anerkennung von Diversität durch religiöse Bildung?\nReligionspädagogische Herausforderungen durch Migrationsbewegungen“\n\n${PROSE}`);
    expect(texts).toContain('Anerkennung von Diversität durch religiöse Bildung? Religionspädagogische Herausforderungen durch Migrationsbewegungen');
  });
});
