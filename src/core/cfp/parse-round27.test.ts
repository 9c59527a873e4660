import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';
import { isFurnitureTitle } from './title-sanity.js';
import { looksLikeName } from './names.js';
import { venueCandidates } from './venue-candidates.js';
import { fromSpecial } from './title-parts.js';
import { toLines } from './lines.js';
import { findDates, findMonthDay } from './dates.js';
import { deadlineOf } from '../../../tests/fixtures/cfp-deadline.js';

// Rules from the failures of round 27 (social sciences and humanities, half not in English), each on made-up calls.
const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);
const venues = (plain: string) => venueCandidates({ lines: toLines(plain), links: [], plain }).map((c) => c.text);

describe('round 27: titles', () => {
  it('takes a one-word title whose first letters spell a day or a month ("Fri...", "Mar...", "Dec...")', () => {
    expect(parseCfp('Call for Papers: Friedenspsychologie\n\nWir laden Beiträge ein. Einsendeschluss: 1. März 2026.\n').title).toBe('Friedenspsychologie');
    for (const t of ['Friedenspsychologie', 'Marketing', 'Decolonisation', 'Marine Monitoring']) expect(isFurnitureTitle(t)).toBe(false);
    // A posting date stays furniture.
    for (const t of ['Thu Jul 05 2012', '7 November 2019', 'Sept 2024']) expect(isFurnitureTitle(t)).toBe(true);
  });

  it('takes no line that says who passed the call on for a title', () => {
    for (const t of ['Information transmise par J.-Ph. Durand: Appel à contributions', 'Forwarded by the network office', 'Posted on behalf of Jane Roe']) expect(isFurnitureTitle(t)).toBe(true);
    expect(isFurnitureTitle('Information Transmission in Neural Circuits')).toBe(false);
  });

  it('reads the name after a journal section\'s kind ("Forum: X", "Symposium: X"), and takes no site menu for a title', () => {
    expect(fromSpecial('Forum: Feeding the Civic Imagination!')?.title).toBe('Feeding the Civic Imagination!');
    expect(fromSpecial('Symposium: Philosophy of Play')?.title).toBe('Philosophy of Play');
    expect(fromSpecial('Forum on Soil')).toBeUndefined();
    expect(isFurnitureTitle('Issues  |  Forums  |  Aporias | Platforms & Agency | Pol & Arts | Positions')).toBe(true);
    expect(isFurnitureTitle('Soil | Water | Air')).toBe(false);
  });

  it('takes no line of institutions for a title', () => {
    expect(isFurnitureTitle('Philipps-Universität Rostock / Universität Oldenburg / Hochschule Emden')).toBe(true);
    expect(isFurnitureTitle('University of Lisbon; Institute of Soil Science')).toBe(true);
    expect(isFurnitureTitle('School / Family / Community')).toBe(false);
  });

  it('takes no section heading "Focus of the Special Issue, Aims, and Scope" (nor what is left after its first comma)', () => {
    for (const t of ['Focus of the Special Issue, Aims, and Scope', 'Aims, and Scope', 'Rationale of the special issue']) expect(isFurnitureTitle(t)).toBe(true);
    expect(isFurnitureTitle('Focus on Soil Carbon')).toBe(false);
  });
});

describe('round 27: guest editors', () => {
  it('reads "Coordinateur du numéro spécial :", the adjective after the noun', () => {
    expect(names('Revue Test de Gestion\n\nNuméro spécial : La gouvernance des soins\n\nCoordinateur du numéro spécial : Jean-Marc Vernier\n\nDate limite : 30 mars 2026\n\nNous invitons des articles sur la gouvernance.\n'))
      .toEqual(['Jean-Marc Vernier']);
  });

  it('drops the Portuguese honorifics "Profª Drª"', () => {
    expect(names('Dossiê: Trabalho e cidade\n\nOrganizadoras:\nProfª Drª Ana Pereira (UFRJ)\nProfª Maria Souza (UFF)\n\nPrazo: 30 de março de 2026\n'))
      .toEqual(['Ana Pereira', 'Maria Souza']);
  });

  it('keeps the journal\'s associate editor named in the organisers\' paragraph out', () => {
    const text = 'Chamada de artigos para o Dossiê “Escola e cidade”\n\nOrganizadoras\nProfa. Dra. Ana Pereira\nUniversidade Federal do Pará, Belém, PA, Brasil\nEditor associado da RBXE\nProf. Dr. Carlos Nunes\nUniversidade de Lisboa, Portugal\n\nApresentação\n\nO dossiê reúne artigos sobre a escola.\n';
    expect(names(text)).toEqual(['Ana Pereira']);
    // The same with the role heading its own paragraph.
    expect(names(text.replace('Editor associado da RBXE', '\nEditora associada da RBXE'))).toEqual(['Ana Pereira']);
  });

  it('reads the editors a German sentence names after "die Herausgeberinnen und Herausgeber", and its "1. März" deadline', () => {
    const call = parseCfp('Themenheft: Literaturtheorie heute\n\nFür die geplante Sonderausgabe können ab sofort Beiträge an die Herausgeberinnen und Herausgeber Stefan Roehl (stefan.roehl@uni-x.de), Eva-Maria Kunz (eva.kunz@uni-y.de) und Thomas Pohl (tp@uni-z.de) übermittelt werden. Einsendeschluss: 1. März 2027.\n');
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Stefan Roehl', 'Eva-Maria Kunz', 'Thomas Pohl']);
    expect(call.dates.submission_deadline).toBe('2027-03-01');
  });

  it('takes no translated journal name with a German adjective for a person', () => {
    expect(looksLikeName('Literaturwissenschaftliche Schriften')).toBe(false);
    expect(looksLikeName('Europäischen Studien')).toBe(false);
    expect(looksLikeName('Fischer Black')).toBe(true);
  });
});

describe('round 27: venues', () => {
  it('reads "X est une revue", "X é uma revista", "X ist eine Zeitschrift"', () => {
    expect(venues('Jurisdoctoria est une revue électronique destinée aux jeunes chercheurs.')).toContain('Jurisdoctoria');
    expect(venues('Sociotexto é uma revista semestral de ciências sociais.')).toContain('Sociotexto');
    expect(venues('Erdkunde ist eine Zeitschrift für Geographie.')).toContain('Erdkunde');
  });

  it('reads the journal a German compound names with its issue ("Textpraxis-Sonderausgabe")', () => {
    expect(venues('Für die geplante Textpraxis-Sonderausgabe # 7 können ab sofort Beiträge eingereicht werden.')).toContain('Textpraxis');
  });

  it('reads a journal named in quotation marks after its kind, and small words of other languages inside a name', () => {
    expect(venues('CFP: Jahrbuch „Prace Filologiczne“: Erfahrungen im Kontext der Forschung')).toContain('Prace Filologiczne');
    expect(venues('O número 39 da Revista O Social em Questão pretende reunir artigos.')).toContain('Revista O Social em Questão');
    expect(venues('Zum Jubiläum gibt das In-Mind Magazin ein Themenheft heraus.')).toContain('In-Mind Magazin');
  });
});

describe('round 27: deadlines', () => {
  it('reads a day and a foreign month with no year ("1 de noviembre", "15 avril", "3. März")', () => {
    expect(findMonthDay('abierta hasta el 1 de noviembre.')).toBe('11-01');
    expect(findMonthDay('avant le 15 avril')).toBe('04-15');
    expect(findMonthDay('bis zum 3. März')).toBe('03-03');
    // With its year it is a whole date, not a month-day.
    expect(findMonthDay('hasta el 1 de noviembre de 2022')).toBeUndefined();
  });

  it('reads a year-less deadline sentence with the year its paragraph gives, and none without one', () => {
    expect(deadlineOf('El dossier será publicado en diciembre de 2022. La convocatoria estará abierta hasta el 1 de noviembre.')).toBe('2022-11-01');
    expect(deadlineOf('The issue appears in spring 2027. Papers are due by 15 May, via the journal site.')).toBe('2027-05-15');
    expect(deadlineOf('Papers are due by 15 May, via the journal site.')).toBeUndefined();
    // A whole date anywhere wins over a year-less one.
    expect(deadlineOf('Papers are due by 15 May. The call closes on 1 June 2027.')).toBe('2027-06-01');
  });
});

describe('round 27: dates and titles in French and German', () => {
  it('reads the months French, Spanish, Portuguese, Italian and German cut, between a day and a year only', () => {
    expect(findDates('(limite: 31 déc. 2014)').map((d) => d.iso)).toEqual(['2014-12-31']);
    expect(findDates('le 15 févr. 2020 et le 3 dic 2021').map((d) => d.iso)).toEqual(['2020-02-15', '2021-12-03']);
    expect(findDates('12 magazines 2020')).toEqual([]);
  });

  it('reads "pour le <date> au plus tard" and "(limite: <date>)" in prose', () => {
    expect(deadlineOf('Tout jeune chercheur doit envoyer une proposition pour le 31 décembre 2014 au plus tard.')).toBe('2014-12-31');
    expect(deadlineOf('Appel à contributions, n°12 (sept. 2015), ss parrainage de J. Dupont (limite: 31 déc. 2014)')).toBe('2014-12-31');
  });

  it('reads the title after its journal named by kind in quotation marks ("CFP: Jahrbuch „X“: Y. Z")', () => {
    const call = parseCfp('CFP: Jahrbuch „Prace Filologiczne“: Erfahrungen im Kontext der Forschung. Zwischen Vergangenheit und Gegenwart (30.09.2027)\n\nDie Herausgeber laden Beiträge zum Thema „Erfahrungen im Kontext der Forschung. Zwischen Vergangenheit und Gegenwart“ ein.\n\nEinsendeschluss: 30.09.2027\n');
    expect(call.title).toBe('Erfahrungen im Kontext der Forschung. Zwischen Vergangenheit und Gegenwart');
  });
});
