import { describe, expect, it } from 'vitest';
import { parseCfp } from './index.js';
import { toLines } from './lines.js';
import { betweenAnnouncements, joinedLines, quotedAnnounced } from './title-runon.js';

describe('title candidates off a line of their own', () => {
  it('reads the name between announcing words, and after the last of them', () => {
    expect(betweenAnnouncements('LINEAR ALGEBRA Special issue on Matrices and Mathematical Biology Call for papers In the last decade the field grew.')).toContain('Matrices and Mathematical Biology');
    expect(betweenAnnouncements('IJMR Special Issue Call for Papers Entrepreneurship as an Academic Field: Taking Stock and New Directions')).toEqual(['Entrepreneurship as an Academic Field: Taking Stock and New Directions']);
    expect(betweenAnnouncements('Call for Papers Der Nationalsozialismus als Krise – die Soziologie Themenheft der Zeitschrift für Soziologie Anna Berg & Karl Horn (Hg.) Die Frage')).toContain('Der Nationalsozialismus als Krise – die Soziologie');
  });

  it('takes no running sentence or lone word after the announcing words', () => {
    expect(betweenAnnouncements('We send a call for papers to all members of the society.')).toEqual([]);
    expect(betweenAnnouncements('Special Issue of the Journal')).toEqual([]);
    expect(betweenAnnouncements('Call for Papers')).toEqual([]);
  });

  it('joins a name wrapped after its colon or after its announcing words, not a label and its value', () => {
    const lines = toLines('CALL FOR PAPERS\nConjuring a New Normal:\nMonstrous Routines and Mundane Horrors\nGuest Editors:\nAnna Berg\n\nVirtual Special Issue Call for Papers: Teaching Changes and Insights\nGained in the Time after COVID-19');
    const joined = joinedLines(lines.filter((l) => l.kind === 'text' || l.kind === 'heading')).map((j) => j.text);
    expect(joined).toContain('Conjuring a New Normal: Monstrous Routines and Mundane Horrors');
    expect(joined).toContain('Virtual Special Issue Call for Papers: Teaching Changes and Insights Gained in the Time after COVID-19');
    expect(joined.some((j) => j.includes('Anna Berg'))).toBe(false);
  });

  it('reads a quoted name that carries its own announcing words', () => {
    expect(quotedAnnounced('Please select the option “Call for Papers: The Aging Mind in a Social World” when submitting.')).toEqual(['The Aging Mind in a Social World']);
    expect(quotedAnnounced('Read our “Guide for Authors” first.')).toEqual([]);
  });

  it('gives the parser those names as candidates', () => {
    const seen: string[] = [];
    parseCfp('We invite contributions to a RAEI special issue entitled Theatre and Performance Studies in English, edited by Ana Ruiz (UNED) and Mia Roth (University of Reading).\n\nTheatre has made its way into academia.', { onTitleCandidates: (s) => seen.push(...s.map((c) => c.title)) });
    expect(seen).toContain('Theatre and Performance Studies in English');
  });
});

describe('announcements that name no issue', () => {
  it('is never the title: a call announced with its editor, an access label', async () => {
    const { isFurnitureTitle } = await import('./title-sanity.js');
    expect(isFurnitureTitle('Socius Calls for Papers with Editor Melanie M. Hughes')).toBe(true);
    expect(isFurnitureTitle('ACS AuthorChoice')).toBe(true);
    expect(isFurnitureTitle('Open Access')).toBe(true);
    expect(isFurnitureTitle('Calls for Papers with Editors in Mind: Reviewing Practice')).toBe(false);
  });
});
