/**
 * Editors as rounds 12 and 13's unseen calls named them, read by general patterns: Italian labels
 * ("Curatori:"), a "Thematic Issue Editors" heading, "co-editors of this issue are", "with
 * guest-coeditors A (X), B (Y)", "are guest editors of", "edit by A e B".
 */
import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';

const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);

describe('editors, round 14', () => {
  it('reads an Italian "Curatori:" / "Curatrici:" label with affiliations in parentheses', () => {
    expect(names('Scuola, democrazia e inclusione\n\nCuratori: Lucio Cottini (Università di Urbino), Donatella Fantozzi (Università di Pisa), Antonella Valenti (Università della Calabria).\n\nIl numero accoglie contributi su scuola e inclusione.')).toEqual(['Lucio Cottini', 'Donatella Fantozzi', 'Antonella Valenti']);
    expect(names('Figure e sfondi\n\nCuratrici: Silvia Maggiolini (Università Cattolica), Lorena Montesano (Università di Bologna)\n\nIl numero raccoglie contributi.')).toEqual(['Silvia Maggiolini', 'Lorena Montesano']);
  });

  it('reads people under a "Thematic Issue Editors" heading', () => {
    expect(names('Call for Papers for Thematic Issue\nPolicies of Early Childhood Education\nThematic Issue Editors\n- Ziya Toprak, Independent Researcher, Türkiye\n- Mehmet Toran, Istanbul Kültür University, Türkiye\nThis thematic issue seeks to explore policies.')).toEqual(['Ziya Toprak', 'Mehmet Toran']);
  });

  it('reads "the co-editors of this issue are A and B" and "A and B, with C, are guest editors of"', () => {
    expect(names('Statistical Consulting\n\nWe invite papers on consulting. The co-editors of this issue are Emily Griffith and Mara Blake. Submissions close soon.')).toEqual(['Emily Griffith', 'Mara Blake']);
    expect(names('Improving School Nutrition\n\nLorrene Ritchie and Wendi Gosliner are guest editors of a Special Issue on school nutrition.')).toEqual(['Lorrene Ritchie', 'Wendi Gosliner']);
  });

  it('reads every name after "with guest-coeditors", and "(edit by A e B)"', () => {
    expect(names('Environmental Research Infrastructures\n\nThis Focus Collection, with guest-coeditors Francisco Bonet-García (LifeWatch, LTER), Hank Loescher (NEON), Philippe Ciais (ICOS) and Dario Papale (ICOS), welcomes papers.')).toEqual(['Francisco Bonet-García', 'Hank Loescher', 'Philippe Ciais', 'Dario Papale']);
    expect(names('Resilienza e società\n(edit by Alfredo Alietti e Dario Padovan)\n\nIl numero raccoglie contributi sulla resilienza.')).toEqual(['Alfredo Alietti', 'Dario Padovan']);
  });

  it('a sentence about editors in general names nobody', () => {
    expect(names('Special Issue on Peer Review\n\nWe invite papers on how editors of journals and the co-editors of volumes choose reviewers.')).toEqual([]);
  });
});

describe('a label line whose list goes on over the next lines', () => {
  it('each next line that opens with an honorific and a name is one more editor', () => {
    expect(names('Special issue title: Communication and the SDGs\nJournal: International Journal of Speech-Language Pathology\nGuest Editors: Professor Sharynne McLeod, Charles Sturt University, Australia\nProfessor Julie Marshall, Manchester Metropolitan University, UK\nExpressions of interest due 13 December 2021.')).toEqual(['Sharynne McLeod', 'Julie Marshall']);
  });
});
