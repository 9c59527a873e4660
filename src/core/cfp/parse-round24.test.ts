import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { parseCfp } from './parse.js';
import { cleanTitle } from './title-parts.js';
import { isFurnitureTitle } from './title-sanity.js';
import { isSideFurniture } from './title-sides.js';
import { venueCandidates } from './venue-candidates.js';

const venueTexts = (text: string) => {
  const lines = toLines(text);
  return venueCandidates({ lines, links: [], plain: lines.map((l) => l.text).join('\n') }).map((c) => c.text);
};

describe('round 24: titles', () => {
  it('takes a listing\'s heading over many issues, an editors\' template line and "Here\'s the call" for furniture', () => {
    expect(isFurnitureTitle('Soil Letters Special Issues')).toBe(true);
    expect(isFurnitureTitle('Forthcoming monographic issues')).toBe(true);
    expect(isFurnitureTitle('SOIL special issues and sections')).toBe(true);
    expect(isFurnitureTitle("Here's the call")).toBe(true);
    expect(isFurnitureTitle('Editor-in-Chief: Editor Name, Editor Institution')).toBe(true);
    expect(isFurnitureTitle('Proponentes: Ana Lima (FURB) e Rui Sossai (Univille)')).toBe(true);
    // One issue's name stays a title.
    expect(isFurnitureTitle('Soil Carbon Special Issue')).toBe(false);
  });

  it('reads "Dossiê" and a journal\'s acronym with "Collection" as furniture beside the name', () => {
    expect(isSideFurniture('Dossiê', [])).toBe(true);
    expect(isSideFurniture('EPJ ST Collection', [])).toBe(true);
    expect(isSideFurniture('Microbial Evolution Collection', [])).toBe(false);
  });

  it('takes the occasion after "dedicated to" as the name', () => {
    expect(cleanTitle('dedicated to the International Year of Soils')).toBe('International Year of Soils');
  });
});

describe('round 24: guest editors and venues', () => {
  it('reads the Portuguese "Proponentes:" as the dossier\'s editors', () => {
    const call = parseCfp('Dossiê n. 45: “Solos e Democracia”\n\nProponentes: Edison Lucas Fabrício (FURB), Fernando Sossai (Univille) e Juliana de Mello Moraes (FURB)\n\nO dossiê acolhe artigos sobre solos.\n');
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Edison Lucas Fabrício', 'Fernando Sossai', 'Juliana de Mello Moraes']);
  });

  it('reads names with particles before "as Guest Editors", and the Spanish and Portuguese "Dra." and "Profa."', () => {
    const editors = (line: string) => parseCfp(`Special Issue on Soil\n\n${line}\n\nWe invite papers on soil and water.\n`, { editorChooser: 'rules' }).guest_editors.map((e) => e.name);
    expect(editors('We seek papers, with Antony van der Ent and Hans Lambers as Guest Editors.')).toEqual(['Antony van der Ent', 'Hans Lambers']);
    expect(editors('The issue (Guest Editors: Dr. Rigoberto Pérez y Dra. Ana Jesús López, Univ. of Oviedo).')).toEqual(['Rigoberto Pérez', 'Ana Jesús López']);
    expect(editors('Editores: Dra. Ana Lima (USP) e Profa. Maria Souza (UFRJ).')).toEqual(['Ana Lima', 'Maria Souza']);
  });

  it('offers a journal whose name holds "e-Learning", one after "La revue ... prépare", and "X Collection:", not a page widget', () => {
    expect(venueTexts('The Journal of e-Learning and Soil Society has announced the call for papers for its new special issue.')).toContain('Journal of e-Learning and Soil Society');
    expect(venueTexts('La revue Statistique et sols prépare un numéro spécial sur la crise.')).toContain('Statistique et sols');
    expect(venueTexts('EPJ ST Collection: Soil Networks\n\nWe invite papers.')).toContain('EPJ ST');
    expect(venueTexts('Topical Collection: Soil Networks\n\nWe invite papers.')).not.toContain('Topical');
    expect(venueTexts('Journal Browser\n\nSpecial Issue "Soil Frameworks" of Materials\n\nWe invite papers.')).not.toContain('Journal Browser');
  });
});

describe('round 24: topics', () => {
  it('takes no list of the authors a call has contacted for its topics', () => {
    const call = parseCfp('Research Topic: Soil Microbes and Computation\n\nWe invite papers on soil microbes and computation.\n\nAmong others, we have contacted the following authors:\n\n- Ryan Austin\n- Andy Mead\n- Brian Haas\n- Dan MacLean\n\nPlease reply by e-mail.\n');
    expect(call.topics).toEqual([]);
  });
});

describe('catalogue: Taylor & Francis "guest advisor(s)"', () => {
  it('reads the people under "Article collection guest advisor(s)" as the collection\'s guest editors, with the rules alone too', () => {
    const text = 'Soil Immunology\n\nFor an Article Collection on\n\nMechanisms of Soil Immune Evasion\n\nManuscript deadline\n30 April 2027\n\nArticle collection guest advisor(s)\n\nBarbara Seliger, Institute of Soil Immunology, Martin Luther University Halle-Wittenberg, Germany\n\nSoils evade the immune system in many ways.\n';
    for (const editorChooser of ['rules', 'learned'] as const) expect(parseCfp(text, { editorChooser }).guest_editors.map((e) => e.name)).toEqual(['Barbara Seliger']);
  });
});

describe('round 24: a theme in single quotes, and no furniture left once the journal is dropped', () => {
  it('takes the theme named in single curly quotes over a "Call for Submissions: <Journal>" line', () => {
    const call = parseCfp('Call for Submissions: Cambridge Soil Law Journal\n\nThe Cambridge Soil Law Journal invites submissions for the second issue of its twelfth volume.\n\nThe Editorial Board is pleased to invite submissions for Volume 12(2), to be published in December 2027, on the theme ‘Language in Soil Law’.\n');
    expect(call.title).toBe('Language in Soil Law');
  });
});
