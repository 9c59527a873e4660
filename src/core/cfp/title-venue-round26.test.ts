import { describe, expect, it } from 'vitest';
import { parseCfp } from './index.js';
import { isFurnitureTitle } from './title-sanity.js';
import { betweenAnnouncements, titleCaseAfterIssue } from './title-runon.js';
import { finishTitle } from './title-parts.js';
import { namesNoJournal } from './venue-name.js';

const titles = (text: string): string[] => {
  const seen: string[] = [];
  parseCfp(text, { onTitleCandidates: (s) => seen.push(...s.map((c) => c.title)) });
  return seen;
};
const venues = (text: string): Array<string | undefined> => {
  const seen: Array<string | undefined> = [];
  parseCfp(text, { onVenueCandidates: (s) => seen.push(...s.map((c) => c.venue)) });
  return seen;
};

describe('round 26: titles', () => {
  it('reads a name in title case after "issue" in running prose', () => {
    expect(titleCaseAfterIssue('Two editors are leading the SSJ issue Soil Carbon and Water in the Age of Drought, while two others organise the SSJ issue Peat Fires Beyond the Arctic.'))
      .toEqual(['Soil Carbon and Water in the Age of Drought', 'Peat Fires Beyond the Arctic']);
    expect(titleCaseAfterIssue('The Special Issue Information Dear Colleagues')).toEqual([]);
  });

  it('reads the name after foreign announcing words with their preposition', () => {
    expect(betweenAnnouncements('Chamada de Artigos sobre Solos, Água e Sociedade')).toEqual(['Solos, Água e Sociedade']);
    expect(betweenAnnouncements('Appel à contributions sur Les Sols et la Ville')).toEqual(['Les Sols et la Ville']);
  });

  it('drops the ellipsis between the announcing words and the name', () => {
    expect(titles('Call for Papers ... Soil Carbon with Reusable Models\n\nContributed by Ann Lee\n\nWe invite papers.')).toContain('Soil Carbon with Reusable Models');
    expect(titles('Call for Papers ... Soil Carbon with Reusable Models\n\nWe invite papers.').some((t) => t.startsWith('...'))).toBe(false);
  });

  it('never takes markup or an issue kind with its journal as the title', () => {
    expect(isFurnitureTitle("<!--- <img src='../images/soil-si.png' class='page' /> --->")).toBe(true);
    expect(isFurnitureTitle('Themenheft der Zeitschrift Bodenkunde')).toBe(true);
    expect(isFurnitureTitle('Special issue of the journal Soil Systems')).toBe(true);
    expect(isFurnitureTitle('Bodenkunde im Wandel: Prozesse und Methoden')).toBe(false);
  });
});

describe('round 26: venues', () => {
  it('reads the journal that will publish the issue after a lead-in, not a network described after one', () => {
    expect(venues('On the occasion of the Year of Soils 2026, Reviews in Soil Biology will publish a Special Issue on soil fauna.')).toContain('Reviews in Soil Biology');
    expect(venues('Founded in 1997, SOILNET is hosting a network of soil labs. Papers go to the Journal of Soils.')).not.toContain('SOILNET');
  });

  it('reads the journal after "della rivista" with its adjective, and before "dedicata"', () => {
    expect(venues('Call for contributions per il numero 12 della rivista accademica Studia Terrae Posnaniensia dedicato al suolo.')).toContain('Studia Terrae Posnaniensia');
    expect(venues('Il centro cura il numero speciale della rivista Humus dedicata ai suoli urbani.')).toContain('Humus');
  });

  it('never runs a journal’s name over the end of its line', () => {
    const seen = venues('Themenheft der Zeitschrift Bodenkunde\n\nJetzt Beiträge einreichen\n\nWir laden ein.');
    expect(seen.some((v) => v?.includes('\n'))).toBe(false);
    expect(seen).toContain('Bodenkunde');
  });
});

describe('round 26: what is reported', () => {
  it('drops the announcement and its preposition before a name, not a lead to the issue or journal', () => {
    expect(finishTitle('Chamada de Artigos sobre Modelagem Matemática, Sociedade e Educação')).toBe('Modelagem Matemática, Sociedade e Educação');
    expect(finishTitle('Call for Papers on “Soils and Cities”')).toBe('Soils and Cities');
    expect(finishTitle('Appel à contributions pour le numéro 22 de la revue Proteus')).toBe('Appel à contributions pour le numéro 22 de la revue Proteus');
    expect(finishTitle('Call for papers on what soils do')).toBe('Call for papers on what soils do');
  });

  it('takes an author page and a breadcrumb for furniture', () => {
    expect(isFurnitureTitle('Author Instructions')).toBe(true);
    expect(isFurnitureTitle('Instructions for Authors')).toBe(true);
    expect(isFurnitureTitle('Home / Submission or Author Instructions / Manuscript Submission')).toBe(true);
    expect(isFurnitureTitle('Accueil > Appels à contributions')).toBe(true);
    expect(isFurnitureTitle('Home Ownership and Urban Change')).toBe(false);
  });

  it('takes a section\'s heading, a byline, a role label and a schedule\'s line for furniture', () => {
    for (const t of ['Types of contributions', 'From the Editor', 'Introduction to the Special Issue', 'Peer Review Track', 'Publié le par Marielle Macé (Source : X)', 'Rédaction en chef : Pr. Mathieu Touzeil-Divina', 'Editor in Chief', 'Rights & Permissions [Opens in a new window]', 'Submission Opening: February 23, 2026']) {
      expect(isFurnitureTitle(t), t).toBe(true);
    }
    for (const t of ['From the Editor to the Reader: Letters in Early Modern Print', 'Types of Soil Carbon', 'Soils: Past and Future']) expect(isFurnitureTitle(t), t).toBe(false);
  });

  it('drops a breadcrumb\'s first word run into the name', () => {
    expect(titles('AccueilÉpistémologies du pluriel\n\nNous invitons des contributions sur les épistémologies.\n\nDate limite : 1 mai 2026\n')).toContain('Épistémologies du pluriel');
  });

  it('does not read a German verb\'s separated particle as the journal after "der Zeitschrift"', () => {
    expect(venues('Themenheft: Biographische Erfahrungen\n\nWir laden Beiträge ein.\n\nLaden Sie bitte Ihre Beiträge auf die Homepage der Zeitschrift hoch:\n\nEinsendeschluss: 1. Mai 2026\n')).not.toContain('hoch');
  });

  it('takes an editors\' label line in German or French for furniture, not a title', () => {
    expect(isFurnitureTitle('Gast-Herausgeber*innen: Christopher Cohrs, Klaus Harnack, & Inga Lisa Pauls')).toBe(true);
    expect(isFurnitureTitle('Responsables du numéro : Nathalie Vincent-Arnaud et Frédéric Sounac')).toBe(true);
  });

  it('takes the word for articles alone for no journal', () => {
    expect(namesNoJournal('Artigos')).toBe(true);
    expect(namesNoJournal('Chamada de Artigos')).toBe(true);
    expect(namesNoJournal('Revista Brasileira de Educação')).toBe(false);
  });
});
