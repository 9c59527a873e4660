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

describe('title candidates', () => {
  it('keeps every source that found a title, not only the first, and merges the same words found twice', () => {
    const cs = candidatesOf('Call for Papers: Special Issue on Soil Carbon\n\nThis special issue entitled "Soil Carbon Markets" invites papers on carbon in soils and its markets.');
    const texts = cs.map((c) => c.text);
    expect(texts).toContain('Soil Carbon');
    expect(texts).toContain('Soil Carbon Markets');
    const markets = cs.find((c) => c.text === 'Soil Carbon Markets');
    expect(markets?.sources).toEqual(expect.arrayContaining(['way:entitled', 'entitled', 'quoted-text']));
    expect(new Set(texts.map((t) => t.toLowerCase())).size).toBe(texts.length);
  });

  it('reads the issue out of a bracket, before the journal it appears in and after a publication form, and keeps the other part too', () => {
    const texts = candidatesOf(
      'Call for paper: Environmental Geotechnics (Sustainable Recycling of Geo-Waste for Future Cities)\n\nSpace Climate in the Journal of Space Weather and Space Climate\n\nPublic Health Reports Supplement on Applying Social Determinants of Health\n\nSystematic Musicology (vol. 29, issue June 2019)\n\nThe issue welcomes papers.',
    ).map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['Sustainable Recycling of Geo-Waste for Future Cities', 'Environmental Geotechnics', 'Space Climate', 'Applying Social Determinants of Health', 'Systematic Musicology']));
    // A volume in brackets is not an issue's name, and a bracket of a word or two is not read alone.
    expect(texts).not.toContain('vol. 29, issue June 2019');
    expect(candidatesOf('Soil Carbon Markets (SCM)\n\nThe issue welcomes papers.').map((c) => c.text)).not.toContain('SCM');
  });

  it('adds shorter readings (a leading year, trailing prose, each side of a colon) and never furniture or a deadline label', () => {
    const texts = candidatesOf('2026 Emerging Media for Communicating SDGs\n\nSearch\n\nSubmission deadline: 1 May 2025\n\nThe issue on loneliness and belonging to be published in 2020 welcomes papers.').map((c) => c.text);
    expect(texts).toContain('Emerging Media for Communicating SDGs');
    expect(texts).not.toContain('Search');
    expect(texts.some((t) => /deadline|May 2025/.test(t))).toBe(false);
  });

  it('describes a candidate by a vector as long as the feature list, with its sources and checks set', () => {
    const lines = toLines('# Soil Carbon\n\nSoil carbon in farms.');
    const f = titleFeatures({ text: 'Soil Carbon', sources: ['heading-line'], lines: [0], kind: 'heading' }, { lines, scope: 'soil carbon in farms', venues: [] });
    expect(f).toHaveLength(TITLE_FEATURES.length);
    const at = (name: string) => f[TITLE_FEATURES.indexOf(name)];
    expect(at('src:heading-line')).toBe(1);
    expect(at('src:page-h1')).toBe(0);
    expect(at('scope-overlap')).toBe(1);
    expect(at('first-line')).toBe(1);
    const journal = titleFeatures({ text: 'Soil Letters Call for Papers', sources: ['short-line'], lines: [], kind: 'heading' }, { lines, scope: '', venues: ['Soil Letters'] });
    expect(journal[TITLE_FEATURES.indexOf('announcement-only')]).toBe(1);
    expect(journal[TITLE_FEATURES.indexOf('has-venue')]).toBe(1);
  });
});

describe('the parser with the learned chooser', () => {
  it('reports where the chosen title came from and still refuses text with no title and no scope', () => {
    const call = parseCfp('# Special Issue on Soil Carbon Markets\n\nWe invite papers on carbon in soils.\n\nTopics:\n- Soil carbon\n- Markets\n');
    expect(call.title).toBe('Soil Carbon Markets');
    expect(call.field_sources?.title?.from).toBe('text-line');
    expect(() => parseCfp('Submission deadline: 1 May 2025')).toThrow(/no recognisable title/);
  });

  it('gives the same title as the cascade where the call names its issue plainly', () => {
    const text = 'IEEE IoT Journal Special Issue: Symbiotic IoT\n\nThis issue seeks papers on symbiotic IoT systems.\n';
    expect(parseCfp(text).title).toBe(parseCfp(text, { titleChooser: 'cascade' }).title);
  });
});

describe('page titles for the learned chooser', () => {
  it('offers the page markup titles without site names, and a page title chosen keeps its element as provenance', async () => {
    const { parseDocument, pageMeta } = await import('./html/dom.js');
    const { pageTitles } = await import('./html/title.js');
    const { parseCfpHtml } = await import('./html/parse-html.js');
    const html = '<html><head><title>Soil Carbon Markets | Soil Letters</title></head><body><h1>Soil Carbon Markets</h1><p>Call for papers for a special issue. We invite papers on carbon markets for soils, on how farms measure soil carbon, and on the policies that pay for it in many countries.</p><ul><li>Soil carbon</li><li>Markets</li></ul></body></html>';
    const doc = parseDocument(html);
    const texts = pageTitles(doc, pageMeta(doc, html), undefined).map((p) => p.text);
    expect(texts).toContain('Soil Carbon Markets');
    expect(texts).toContain('Soil Carbon Markets | Soil Letters');
    const call = parseCfpHtml(html);
    expect(call.title).toBe('Soil Carbon Markets');
    expect(['html-element', 'meta']).toContain(call.field_sources?.title?.from);
  });
});
