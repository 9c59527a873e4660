import { describe, expect, it } from 'vitest';
import { journalDescribed, journalInviting, journalOfCover } from './venue-prose.js';
import { venueInText } from './venue.js';
import { cleanVenue } from './title-parts.js';
import { journalLine } from './venue-lines.js';

describe('journal named as the one inviting papers', () => {
  it.each([
    ['Intro.\nIEEE Soil Access invites manuscript submissions in the area of soil carbon.', 'IEEE Soil Access'],
    ['Soil Letters on Emerging Topics (SLET) seeks submissions for the upcoming special section on soil.', 'Soil Letters on Emerging Topics'],
    ['Terra: Soil Research for a Dynamic World invites papers for a special issue on soil.', 'Terra: Soil Research for a Dynamic World'],
  ])('%s', (text, venue) => {
    expect(journalInviting(text)).toBe(venue);
  });

  it('takes no person, team or issue for a journal', () => {
    expect(journalInviting('Jane Smith invites papers on soil.')).toBeUndefined();
    expect(journalInviting('The guest editors invite papers on soil.')).toBeUndefined();
    expect(journalInviting('This Special Issue welcomes contributions on soil.')).toBeUndefined();
  });
});

describe('round 4: journals named in prose', () => {
  it('reads a journal announcing its next issue and a special feature', () => {
    expect(venueInText('The Soil Review from Cambridge is pleased to invite submissions for our next issue (36.2), on soil.')).toBe('Soil Review from Cambridge');
    expect(venueInText('A special feature in Soil Security will be devoted to analysis of soil.')).toBe('Soil Security');
  });

  it('drops a former name after the journal', () => {
    expect(cleanVenue('Soil Security (formerly Dirt and Dust)')).toBe('Soil Security');
  });
});

describe('round 4: branded and abbreviated journal names', () => {
  it('drops a publisher and "Journal" around a name', () => {
    expect(journalLine('Elsevier Soil Networks and Media Journal (SNEM)')).toBe('Soil Networks and Media');
    expect(journalLine('Semantic Soil Journal')).toBe('Semantic Soil Journal');
  });

  it('keeps the acronym a journal puts before its name', () => {
    expect(venueInText('Papers will appear in LLC: The Journal of Digital Soil Scholarship, in 2027.')).toBe('LLC: The Journal of Digital Soil Scholarship');
  });
});

describe('round 4: a journal cover image caption', () => {
  it('names the journal from "Cover image - X" on its own line, and only there', () => {
    expect(journalOfCover('Manuscript deadline\n08 January 2027\n\nCover image - Soil, Politics, Governance\n\nSoil, Politics, Governance')).toBe('Soil, Politics, Governance');
    expect(journalOfCover('We chose a cover image - see https://example.org/cover.png for it.')).toBeUndefined();
  });
});

describe('round 5: journal names in italics, in citations, and issue adjectives', () => {
  it('reads a name through its emphasis marks and skips a journal cited with volume and number', async () => {
    const { venueInText } = await import('./venue.js');
    expect(venueInText('This special issue of *Soil Letters *will explore carbon.')).toBe('Soil Letters');
    expect(venueInText('Smith, J. 2015. "Soil." *The Journal of Popular Soil* 48, no. 4: 662-76.')).toBeUndefined();
    expect(venueInText('Submit to The Journal of Popular Soil by May.')).toBe('Journal of Popular Soil');
  });

  it('does not take "Joint" in "Joint Special Issue on X" for the journal', async () => {
    const { fromSpecial } = await import('./title-parts.js');
    expect(fromSpecial('Joint Special Issue on Good Soil Practice')).toEqual({ title: 'Good Soil Practice' });
  });
});

describe('round 5: occasions, dates and issue words are not journals', () => {
  it('leaves "in Honor of" and "of December 2020" out, and cleans issue words and logo alt text off a name', () => {
    expect(venueInText('A special issue in Honor of the 60th anniversary of the review.')).toBeUndefined();
    expect(venueInText('Call for papers for the special issue of December 2020.')).toBeUndefined();
    expect(cleanVenue('IEEE Journal of Soil Engineering Special Issue')).toBe('IEEE Journal of Soil Engineering');
    expect(cleanVenue('Soil Journal Logo')).toBe('Soil');
  });
});

describe('round 5: a journal hosting an issue', () => {
  it('names the venue in "X is now hosting a research topic", never "This Journal"', () => {
    expect(venueInText('I am pleased to announce that Soil Microbiology is now hosting a research topic on roots.')).toBe('Soil Microbiology');
    expect(venueInText('This Journal is launching a special issue on roots.')).toBeUndefined();
  });

  it('does not keep a relative clause in a title', async () => {
    const { fromSpecial } = await import('./title-parts.js');
    expect(fromSpecial('Special Issue on Soil Carbon Markets, which is open for submissions')?.title).toBe('Soil Carbon Markets');
  });
});

describe('round 5: journals introduced in prose', () => {
  it('reads "journal X" and "X Review (ACR)"', () => {
    expect(venueInText('The editors of the society’s flagship policy journal Soil & Public Policy announce a call.')).toBe('Soil & Public Policy');
    expect(venueInText('Since 2015 the African Soil Mobility Review (ASMR) has published work on soil.')).toBe('African Soil Mobility Review');
    expect(venueInText('The Soil Institute (SI) and the journal team welcome papers.')).toBeUndefined();
  });
});

describe('round 5: a masthead image alt text', () => {
  it('names the journal without "Journal Logo"', () => {
    expect(journalLine('Soil Letters Journal Logo')).toBe('Soil Letters');
  });
});

describe('round 6: a journal calling for papers or described in a sentence', () => {
  it.each([
    ['SOIL Medicine is calling for submissions to our Collection on soil.', 'SOIL Medicine'],
    ['Root and Soil is seeking submissions for a Special Issue on roots.', 'Root and Soil'],
    ['Soil Health Panorama calls for the submission of papers for a special issue on soil.', 'Soil Health Panorama'],
  ])('%s', (text, venue) => {
    expect(journalInviting(text)).toBe(venue);
  });

  it('takes no person and no "open calls" heading', () => {
    expect(journalInviting('Jane Smith is seeking papers on soil.')).toBeUndefined();
    expect(journalInviting('Intro. Jane Smith invites papers for a special issue on soil.')).toBeUndefined();
    expect(journalInviting('Intro. Prof. Jane Ann Smith is calling for submissions for a special issue on soil.')).toBeUndefined();
    expect(journalInviting('Special issues\nOpen calls for papers:')).toBeUndefined();
  });

  it.each([
    ['Soil Planning is a new international peer-reviewed open access journal of soil studies.', 'Soil Planning'],
    ['Intro. SOIL Journal, the journal of the International Association for Soil, invites ...', 'SOIL Journal'],
    ['Volume 24 of Logical Analysis of Soil will explore ...', 'Logical Analysis of Soil'],
    ['the issue, to be published inSoilscrito. The special issue ...', 'Soilscrito'],
    ['Authors publishing in Open Soil Studies benefit from', 'Open Soil Studies'],
  ])('%s', (text, venue) => {
    expect(journalDescribed(text)).toBe(venue);
  });

  it('reads the journal papers are submitted to, but no submission system or editor', () => {
    expect(journalDescribed('Please submit your manuscript to Soil Genomics by 1 May.')).toBe('Soil Genomics');
    expect(journalDescribed('Submit your paper to the Editorial Manager site.')).toBeUndefined();
    expect(journalDescribed('Submit papers to the Guest Editors by e-mail.')).toBeUndefined();
  });

  it('takes no date, language or medium after "published in"', () => {
    expect(journalDescribed('Papers will be published in English.')).toBeUndefined();
    expect(journalDescribed('The issue will be published in December 2017.')).toBeUndefined();
    expect(journalDescribed('It will be published in Open Access.')).toBeUndefined();
  });
});

describe('round 6: what a call says about itself is not its journal', () => {
  it.each([
    ['No Publication Fee', ''],
    [', December 2017', ''],
    ['Journals – Deadlines October to December 2022', ''],
    ['Soilmatics ? Call for Papers ?', 'Soilmatics'],
    ['Submit to the Journal of Soil Conservation for a', 'Journal of Soil Conservation'],
  ])('cleanVenue(%s)', (raw, venue) => {
    expect(cleanVenue(raw)).toBe(venue);
  });

  it('reads a copied table label run into the name, and no "On the Journal" heading', () => {
    expect(journalLine('Journal TitleSwiss Journal of Soil')).toBe('Swiss Journal of Soil');
    expect(journalLine('On the Journal')).toBeUndefined();
  });
});
