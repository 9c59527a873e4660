import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { findTitle } from './title.js';
import { titleCandidates } from './title-candidates.js';
import { TITLE_FEATURES, titleFeatures } from './title-features.js';
import { parseCfp } from './parse.js';

const candidatesOf = (text: string) => {
  const lines = toLines(text);
  const prose = lines.filter((l) => l.kind === 'text').map((l) => l.text).join('\n\n');
  return titleCandidates({ lines, prose, tried: findTitle(lines, prose).tried, plain: text });
};

const featuresOf = (text: string, scope = 'soil carbon in farms and their markets', ctx: { editors?: string[]; editorLines?: Set<number> } = {}) => {
  const lines = toLines(`${text}\n\nSoil carbon in farms.`);
  const f = titleFeatures({ text, sources: ['short-line'], lines: [0], kind: 'heading' }, { lines, scope, venues: [], ...ctx });
  return (name: string) => f[TITLE_FEATURES.indexOf(name)];
};

describe('title candidates, round 10', () => {
  it('offers a title wrapped over two or three short lines as one candidate', () => {
    const texts = candidatesOf('Call for Papers\n\n165 Years After Broad Street:\nProgress in Spatial/Temporal Analysis\nto Identify Infectious Disease Outbreaks\n\nA Special Feature in Health Security\n\nThe year 2019 marks the anniversary of the outbreak, and we invite papers.').map((c) => c.text);
    expect(texts).toContain('165 Years After Broad Street: Progress in Spatial/Temporal Analysis to Identify Infectious Disease Outbreaks');
  });

  it('does not join the lines of a paragraph of sentences', () => {
    const texts = candidatesOf('Soil Carbon Markets\n\nWe invite papers on soil.\nThey should be short.\n\nMore text follows here.').map((c) => c.text);
    expect(texts).not.toContain('We invite papers on soil. They should be short.');
  });

  it('keeps the name from a line that runs a deadline onto it, and not the date', () => {
    const texts = candidatesOf('US Election Series: Proposal Deadline Extended\n\nWe invite proposals on the election.').map((c) => c.text);
    expect(texts).toContain('US Election Series');
    expect(texts.some((t) => /deadline/i.test(t))).toBe(false);
  });

  it('drops a journal before a comma and a prose lead-in', () => {
    const texts = candidatesOf('Library Trends Journal, The Joy of Information\n\nWe invite papers on the topic of Critical Soil Studies: Markets and Farms for this issue.').map((c) => c.text);
    expect(texts).toContain('The Joy of Information');
  });

  it('reads a title quoted after French announcing words', () => {
    const texts = candidatesOf('Appel à contributions – « Public music scholarship » – 25 mars 2024\n\nNous invitons des contributions.').map((c) => c.text);
    expect(texts).toContain('Public music scholarship');
  });
});

describe('title features, round 10', () => {
  it('marks a line that starts with a person, in either name order, but not a title whose words the scope repeats', () => {
    expect(featuresOf('Markus Moos, Professor, School of Planning, University of Waterloo')('names-person')).toBe(1);
    expect(featuresOf('Adams, Tony')('names-person')).toBe(1);
    expect(featuresOf('Zackary Leech <zleech at linguistlist.org>')('names-person')).toBe(1);
    expect(featuresOf('Soil Carbon, Farms and Markets')('names-person')).toBe(0);
    expect(featuresOf('Soil Carbon Markets')('names-person')).toBe(0);
  });

  it('marks addresses, roles, affiliations in other languages, site labels and posting dates', () => {
    expect(featuresOf('De la Garza Espinosa, Vania vania.espinosa at fau.de')('contact')).toBe(1);
    expect(featuresOf('Soil Carbon Markets')('contact')).toBe(0);
    expect(featuresOf('Coordination du dossier : Sara Bédard-Goulet')('role-word')).toBe(1);
    expect(featuresOf('FGV – Fundação Getulio Vargas')('affiliation-any-language')).toBe(1);
    expect(featuresOf('Cover image -')('site-furniture')).toBe(1);
    expect(featuresOf('Published on Tuesday, May 23, 2023')('posted-date')).toBe(1);
    expect(featuresOf('Soil Carbon Markets')('posted-date')).toBe(0);
  });

  it('marks a line the editor reader took, or one naming a found editor', () => {
    expect(featuresOf('Jane Roe and Soil', 'x', { editors: ['Jane Roe'] })('editor-found')).toBe(1);
    expect(featuresOf('Soil Carbon Markets', 'x', { editorLines: new Set([0]) })('editor-found')).toBe(1);
    expect(featuresOf('Soil Carbon Markets', 'x', { editors: ['Jane Roe'] })('editor-found')).toBe(0);
  });

  it('chooses the issue over the sender of a mailing-list post', () => {
    const call = parseCfp('[Dgkl] Request to Share Call for Papers\n\nDe la Garza Espinosa, Vania vania.espinosa at fau.de\nThu Sep 21 10:18:05 UTC 2023\n\nTo whom it may concern,\n\nI am organizing a special journal issue on literacy and would appreciate it if you could share this announcement with your mailing list.\n\nCall for Papers\n\nBeyond Letters: Perspectives on the Effects of Illiteracy from\nLinguistics and Beyond\n\nWe are pleased to announce the Call for Papers for the upcoming special issue on illiteracy and its effects on language and grammar.');
    expect(call.title).toBe('Beyond Letters: Perspectives on the Effects of Illiteracy from Linguistics and Beyond');
  });
});

describe('title furniture and cuts, round 11', () => {
  it('refuses announcement headings in other languages, a site category and a picture caption as titles', () => {
    const texts = candidatesOf('Appels à contributions\n\nArchives de catégorie : Actualités\n\nChamada de artigos\n\nMale weevils fight. Image credit: Jane Roe\n\nSoil Carbon Markets\n\nWe invite papers on soil carbon markets.').map((c) => c.text);
    expect(texts).toContain('Soil Carbon Markets');
    expect(texts.some((t) => /Appels|Archives|Chamada|Image credit/.test(t))).toBe(false);
  });

  it('offers the name after "Call for papers on" and without punctuation left in front', () => {
    const texts = candidatesOf('Call for papers on the impact of drought on soil carbon\n\n, Humans and the Environment, The Unfamiliar Vol. 5\n\nWe invite papers.').map((c) => c.text);
    expect(texts).toContain('the impact of drought on soil carbon');
    expect(texts).toContain('Humans and the Environment, The Unfamiliar Vol. 5');
  });
});
