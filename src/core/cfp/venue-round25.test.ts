import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { venueCandidates } from './venue-candidates.js';
import { reportedVenue } from './venue-choice.js';

const names = (text: string) => {
  const lines = toLines(text);
  return venueCandidates({ lines, links: [], plain: lines.map((l) => l.text).join('\n') });
};
const sourcesOf = (text: string, name: string) => names(text).find((c) => c.text === name)?.sources ?? [];

describe('venue candidates, round 25', () => {
  it('reads the journal a page greets its readers with, in English and German', () => {
    expect(sourcesOf('Willkommen bei Research on Soil\nResearch on Soil ist eine Zeitschrift.', 'Research on Soil')).toContain('ctx:welcome');
    expect(sourcesOf('Welcome to Soil Letters. We publish short papers.', 'Soil Letters')).toContain('ctx:welcome');
  });

  it('reads the journal that welcomes or encourages people in French and Italian', () => {
    expect(sourcesOf('Pour ce numéro, Humus encourage les chercheurs à soumettre.', 'Humus')).toContain('ctx:x-welcomes');
    expect(sourcesOf('Nella rubrica libera, Terriccio accoglie le proposte dei borsisti.', 'Terriccio')).toContain('ctx:x-welcomes');
  });

  it('takes no verb after "la revue", no call label and no journal subtitle alone as a journal', () => {
    const texts = names('Le numéro 5 de la revue sera consacré aux sols.\nConvocatoria No. 01 - Segundo semestre de 2022\nSoil Geology – An International Journal').map((c) => c.text);
    expect(texts).not.toContain('sera');
    expect(texts).not.toContain('Convocatoria');
    expect(texts).not.toContain('An International Journal');
  });

  it('reports a one-word journal without "Revue" when the text also names it alone, and keeps a longer name whole', () => {
    expect(reportedVenue('Revue Humus', 'la Revue Humus publie ... Humus encourage les chercheurs')).toBe('Humus');
    expect(reportedVenue('Revue Humus', 'la Revue Humus publie un numéro')).toBe('Revue Humus');
    expect(reportedVenue('Revue Migrations Forcées', 'Migrations Forcées')).toBe('Revue Migrations Forcées');
    expect(reportedVenue('Journal of Soil Education (JSE)')).toBe('Journal of Soil Education');
  });
});
