import { describe, expect, it } from 'vitest';
import { cleanTitle, finishTitle, fromSpecial } from './title-parts.js';
import { isSideFurniture, titleSides } from './title-sides.js';
import { isFurnitureTitle } from './title-sanity.js';
import { titleCandidates } from './title-candidates.js';
import { toLines } from './lines.js';

const candidates = (text: string) => {
  const lines = toLines(text);
  return titleCandidates({ lines, prose: lines.filter((l) => l.kind === 'text').map((l) => l.text).join(' '), tried: [], plain: text }).map((c) => c.text);
};

describe('round 25: titles', () => {
  it('drops a listing\'s status word, an issue number before a quoted name and a hanging dash from the reported title', () => {
    expect(finishTitle('CLOSED: Soil Modernization for the Next Era –')).toBe('Soil Modernization for the Next Era');
    expect(finishTitle('12.3: ‘Rumours, Checking and Civic Soil')).toBe('Rumours, Checking and Civic Soil');
    expect(finishTitle('3 “Rural soils after the pandemic: the rediscovery of soil care”')).toBe('Rural soils after the pandemic: the rediscovery of soil care');
    // A number that is part of the name stays, and so does a colon inside it.
    expect(finishTitle('50 Years of Soil Science')).toBe('50 Years of Soil Science');
    expect(finishTitle('Open Science: Soil Data')).toBe('Open Science: Soil Data');
  });

  it('reads the name after the French, Spanish, Portuguese, Italian and German words for a special issue', () => {
    expect(fromSpecial('Numéro (4) | Numéro spécial sur le Créole et les Antilles')?.title).toBe('Créole et les Antilles');
    expect(fromSpecial('Dossiê — Educação, Solos e Saberes')?.title).toBe('Educação, Solos e Saberes');
    expect(fromSpecial('Número especial: La tierra en disputa')?.title).toBe('La tierra en disputa');
    expect(fromSpecial('Themenheft: Böden im Wandel')?.title).toBe('Böden im Wandel');
    // After a colon the article belongs to the name.
    expect(fromSpecial('Dossiê: A Saúde do Solo')?.title).toBe('A Saúde do Solo');
    // Prose that mentions a dossier is no name.
    expect(fromSpecial('Ce dossier réunit des articles. Il paraîtra en 2025.')).toBeUndefined();
  });

  it('takes an issue number, a publication or deadline date and "Revue X" beside a title as furniture, alone or dash by dash', () => {
    expect(isSideFurniture('Ausgabe 02/26', [])).toBe(true);
    expect(isSideFurniture('Numéro (8)', [])).toBe(true);
    expect(isSideFurniture('Publication en 2027', [])).toBe(true);
    expect(isSideFurniture('DL : 01/04/2026', [])).toBe(true);
    expect(isSideFurniture('Revue Humus – Publication en 2027 – DL : 01/04/2026', [])).toBe(true);
    expect(isSideFurniture('Soils of the Past – Humus and Clay', [])).toBe(false);
    expect(titleSides('Archéologie des sols – Revue Humus – Publication en 2027 – DL : 01/04/2026', new Set(), []).carries).toBe(true);
    expect(titleSides('Ausgabe 02/26: Wörter im Boden', new Set(), []).carries).toBe(true);
  });

  it('takes site menus, a category heading and a submission rule\'s label line as furniture', () => {
    for (const t of ['Skip Ribbon Commands', 'Artigos no Prelo', 'Edições Anteriores', 'Appel à contributions et projets', 'Chamada para Dossiês', 'Beitragssprache: Deutsch oder Englisch', 'Language: English'])
      expect(isFurnitureTitle(t), t).toBe(true);
    expect(isFurnitureTitle('Languages of Soil: Words in Sentences')).toBe(false);
  });

  it('offers the name before its kind in brackets, before its guest editors, and under a bullet that announces it', () => {
    expect(candidates('Drought and soils (SOIL/HESS inter-journal SI)(SOIL/HESS inter-journal SI)\n\nWe invite papers.')).toContain('Drought and soils');
    expect(candidates('Soil Architecture: Mass Market versus Niche? Guest Editors: Ann Lee (Soil University) and Bo Li\n\nWe invite papers.')).toContain('Soil Architecture: Mass Market versus Niche?');
    expect(candidates('  • Special Issue on Strengthening of Soil Constructions\n\n    October 20, 2021\n\nWe invite papers.')).toContain('Strengthening of Soil Constructions');
  });

  it('offers the name among numbers and dates parted by dashes, and a name quoted after "consacré à"', () => {
    expect(candidates('Call for papers\n\nNR. 1 - 2020 - Ermeneutica del "Suolo" e del "Muro"\n\nWe invite papers.')).toContain('Ermeneutica del "Suolo" e del "Muro"');
    expect(candidates('Le numéro 5 de la revue sera consacré à « L’urbanisme au prisme des sols ». Ce numéro vise à rassembler des travaux.')).toContain('L’urbanisme au prisme des sols');
  });

  it('keeps a straight closing quote that closes a quoted word, and strips straight quotes around a whole title', () => {
    expect(cleanTitle('Ermeneutica del "Suolo" e del "Muro"')).toBe('Ermeneutica del "Suolo" e del "Muro"');
    expect(cleanTitle('"Soil Care"')).toBe('Soil Care');
  });
});
