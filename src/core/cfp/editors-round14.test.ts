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

describe('round 15 misses, general forms', () => {
  it('a middle initial after an honorific does not end the name, and names come from the sentence that gives the role', () => {
    expect(names('Thematic Section on Cybersecurity\n\nGuest Editors for the Thematic Section: Dr Kiru Pillay, LINK Centre, Johannesburg; and Dr Uche M. Mbanaso, Centre for Cyberspace Studies, Nigeria\n\nWe invite papers.')).toEqual(['Kiru Pillay', 'Uche M. Mbanaso']);
    expect(names('Health Politics and Policy under COVID-19\n\nThe Journal of Health Politics, Policy and Law (JHPPL) invites proposals for a special issue on COVID-19. Sarah Gollust (University of Minnesota) and Julia Lynch (University of Pennsylvania) are the guest editors of this special issue.')).toEqual(['Sarah Gollust', 'Julia Lynch']);
    expect(names('Food Security Strategies\n\nCo-editor-in-chief Prof. Christopher B. Barrett, Prof. Mario Herrero, and Prof. Ayal Kimhi will guest edit a special issue of Food Policy.')).toEqual(['Christopher B. Barrett', 'Mario Herrero', 'Ayal Kimhi']);
  });

  it('a journal whose name is a list is not cut into a title, and a skip link is never one', () => {
    const call = parseCfp('Journal of Health Politics, Policy and Law\n\nJHPPL Call for Paper Proposals\nHealth Politics and Policy under COVID-19\nThe journal invites paper proposals for a special issue on health politics and policy under COVID-19.\n');
    expect(call.title.toLowerCase()).toBe('health politics and policy under covid-19');
    expect(parseCfp('Start main page content\n\n2017 Thematic Section on Cybersecurity\n\nThe African Journal of Information and Communication invites papers on cybersecurity.\n').title).not.toBe('Start main page content');
  });
});
