import { describe, expect, it } from 'vitest';
import { cleanTitle, fromSpecial, isGenericTitle } from './title-parts.js';
import { toLines } from './lines.js';
import { titleFromLines } from './title-lines.js';
import { withoutVenueTail } from './title-venue.js';
import { parseCfp } from './parse.js';

const titleOf = (text: string) => titleFromLines(toLines(text))?.title;

describe('round 6: titles named in prose', () => {
  it('reads the collection a journal calls submissions for', () => {
    expect(parseCfp('SOIL Medicine is calling for submissions to our Collection on soil carbon and its markets.\n\nSoil stores carbon.').title).toBe('Soil carbon and its markets');
    expect(parseCfp('Intro sentence about soils and their long history in this world of ours today.\n\nSOIL Genomics is calling for submissions to our "First Dive into Soil Genomics Collection (soil biologists) on soils.').title).toBe('First Dive into Soil Genomics');
  });

  it('reads an unquoted name after "entitled" and a theme quoted after "the theme of the special issue will be"', () => {
    expect(parseCfp('We launch a Special Issue.\n\nThe issue entitled Chemistry for Soil Heritage will be published in the Soil journal.').title).toBe('Chemistry for Soil Heritage');
    expect(parseCfp('Dear Colleague,\n\nThe theme of the special issue will be “Advances in soil biology: carbon and water”. We invite papers.').title).toBe('Advances in soil biology: carbon and water');
  });

  it('reads a "Title:" label whose value is on the next line', () => {
    expect(parseCfp('Upcoming Issues\nTitle:\nPlanning for Soil Carbon: Nobody Left Behind?\nEditor(s):\nJane Smith\n\nThis issue explores soils.').title).toBe('Planning for Soil Carbon: Nobody Left Behind?');
  });
});

describe('round 6: lines that are not titles', () => {
  it.each([
    'Apologies for cross postings',
    'Please forward to interested colleagues',
  ])('%s is generic', (line) => {
    expect(isGenericTitle(line)).toBe(true);
  });

  it('skips a byline, a "click here" line, a sentence about the journal and first-person lines', () => {
    expect(titleOf('By Artemios Smith, Associate Editor for Soil\nSoil Carbon Heritage Now\n\nText.')).toBe('Soil Carbon Heritage Now');
    expect(titleOf('For further information about sections, click here\nSoil Carbon Heritage Now')).toBe('Soil Carbon Heritage Now');
    expect(titleOf('Soil Planning is a new international peer-reviewed journal of soil studies\nSoil Carbon Heritage Now')).toBe('Soil Carbon Heritage Now');
    expect(titleOf('I am very pleased to announce that Soil Letters is now\nSoil Carbon Heritage Now')).toBe('Soil Carbon Heritage Now');
  });

  it('reads numbered calls of a listing ("Call 1: X")', () => {
    expect(titleOf('Home / Call\nCall for Papers\nCall 1: Forms, Kinds, Essences\nCall 2: Logic')).toBe('Forms, Kinds, Essences');
  });
});

describe('round 6: the title and what surrounds it', () => {
  it('drops "edited by" after a title', () => {
    expect(cleanTitle('Violence, edited by Jane Smith and Ann Lee')).toBe('Violence');
    expect(cleanTitle('Soil Carbon (guest edited by Jane Smith)')).toBe('Soil Carbon');
  });

  it('reads "X: A special issue of Venue" and "X: A Venue Call for Papers", one word included', () => {
    expect(fromSpecial("Pandemonium: A special issue of Soil Studies Quarterly (SSQ) DEADLINE MARCH 1, 2023")).toEqual({ title: 'Pandemonium', venue: 'Soil Studies Quarterly', named: true });
    expect(fromSpecial('Soil Conservation: A SOIL ONE Call for Papers')).toEqual({ title: 'Soil Conservation', venue: 'SOIL ONE', named: true });
  });

  it('takes no deadline label and no phrase cut at "and" for a title', () => {
    expect(fromSpecial('Call for papers, December 2017 special issue – Deadline for submission: 31-05-2017')).toBeUndefined();
    expect(fromSpecial('Volumes and Special Issues of Journals – Deadlines October to December 2022')).toBeUndefined();
  });

  it('drops the venue run into the end of a heading, unless a joining word is left', () => {
    expect(withoutVenueTail('Soil through the Prism of Carbon Alicante Journal of Soil', 'Alicante Journal of Soil', '')).toEqual({ title: 'Soil through the Prism of Carbon' });
    expect(withoutVenueTail('Climate Change and Soil Security', 'Soil Security', '')).toEqual({ title: 'Climate Change and Soil Security' });
  });
});

describe('round 6: copied e-mails', () => {
  it('reads the title from a "Subject:" line, with "Re:" / "Fwd:" before it', () => {
    expect(parseCfp('Subject: Call for papers: Soil Carbon Markets\n\nWe invite papers on soils.').title).toBe('Soil Carbon Markets');
    expect(parseCfp('Re: Fwd: CFP: Special Issue on Research Soils\n\nWe invite papers on soils.').title).toBe('Research Soils');
    expect(parseCfp('Research Software for Soils\n\nWe invite papers on soils.').title).toBe('Research Software for Soils');
  });

  it('skips the header lines and the apology above the call', () => {
    const call = parseCfp('From: Jane Doe <jane@uni.edu>\nSent: Monday, 3 May 2021 10:00\nTo: soil-list@lists.org\nSubject: [SOIL-L] CFP: Special Issue on Soil Carbon Markets - Soil Letters\n\nApologies for cross-postings\n\nDear colleagues,\n\nWe invite papers on soils.\n\nDeadline: 1 June 2021\n');
    expect([call.title, call.venue, call.dates.submission_deadline]).toEqual(['Soil Carbon Markets', 'Soil Letters', '2021-06-01']);
  });
});
