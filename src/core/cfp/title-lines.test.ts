import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { titleFromLines } from './title-lines.js';
import { parseCfp } from './parse.js';

const titleOf = (text: string) => titleFromLines(toLines(text))?.title;

describe('round 4: page chrome, listings and mastheads', () => {
  it('skips a posting date and a cookie banner above the title', () => {
    expect(titleOf('Published on 20 April 2027 03:35 PM\nSoil Carbon and Society\n\nWe invite papers.')).toBe('Soil Carbon and Society');
    const call = parseCfp('We use cookies to improve your website experience. By closing this message, you are consenting to our use of cookies.\n\nA recent editorial asked how soils store carbon, and this issue asks the same of policy.');
    expect(call.scope).not.toMatch(/cookies/);
  });

  it('takes the first call under "Current Calls", past an instructions heading and its paragraph', () => {
    expect(titleOf('Calls for Papers\n\nCurrent Calls\n\nSoil Carbon and Society\n\nThe pieces in this issue ...')).toBe('Soil Carbon and Society');
    expect(titleOf('Current Calls for Papers:\n\nMaking an Article Proposal\n\nAuthors who are interested in submitting a paper for any of the collections listed below should send a short summary to the office.\n\nSoil Carbon: Past and Present\n\nEditors: A B')).toBe('Soil Carbon: Past and Present');
  });

  it('reads a journal name heading the page as the venue, not the title', () => {
    expect(titleOf('Journal of Soil Science\nMachine Learning for Soil Carbon 2027\nSubmission deadline\n16 Jul 2027')).toBe('Machine Learning for Soil Carbon 2027');
  });

  it('ends a title at a sentence end, even a short one', () => {
    expect(titleOf('Call for Papers: Special Issue on Soil Carbon Materials. Chem. Mater. Click to increase image size')).toBe('Soil Carbon Materials');
  });
});

describe('round 4: a capitalised call heading run into its editors', () => {
  it('takes the heading before "Guest Editors:" on the same line, only when it is in capitals', () => {
    expect(titleOf('29.09.2027\nSoil Reviews - Calls for papers 2027\nSOIL DIPLOMACY IN A COMPLEX WORLD Guest Editors: Jane Smith, Kwame Osei\nGlobal soil issues such as erosion create complex challenges.')).toBe('SOIL DIPLOMACY IN A COMPLEX WORLD');
    expect(titleOf('Please contact the Guest Editors: Jane Smith, Kwame Osei')).toBeUndefined();
  });
});

describe('round 5: a date left by stripping subject noise', () => {
  it('is not a title', () => {
    expect(titleFromLines(toLines('Deadline Extended: March 31, 2027\n\nSoil Letters\nSpecial issue on Soil Carbon Markets'))?.title).toBe('Soil Carbon Markets');
  });
});

describe('round 5: the first title-like line that names more than its journal', () => {
  it('skips a line that is only the journal and "Call for Papers"', () => {
    const text = 'Soil Letters Call for Papers\n\nCarbon Markets in Africa\n\nThis call for papers is for a special issue of Soil Letters on carbon markets, how they are built and who gains from them.';
    expect(parseCfp(text).title).toBe('Carbon Markets in Africa');
  });
});

describe('round 5: page chrome, lead-ins and the reader addressed', () => {
  const scope = '\n\nThis collection asks how soil carbon is measured, traded and verified across farms, regions and markets, and who gains from it.';
  it('skips bylines, lines ending in a colon and lines that speak to the reader', () => {
    expect(parseCfp(`Posted by Jane Smith and Kwame Osei on 2027-01-10\n\nSoil Carbon Markets in Africa${scope}`).title).toBe('Soil Carbon Markets in Africa');
    expect(parseCfp(`The following issues are currently accepting submissions:\nThe Politics of Soil Carbon Markets in Africa: Institutions and Infrastructure${scope}`).title).toBe('The Politics of Soil Carbon Markets in Africa: Institutions and Infrastructure');
    expect(parseCfp(`On this page, you can find links to calls for papers\n\nSoil Carbon Markets in Africa${scope}`).title).toBe('Soil Carbon Markets in Africa');
  });

  it('strips an ordinal call prefix ("Second Call for Articles:")', () => {
    expect(parseCfp(`Second Call for Articles: Soil Carbon Markets${scope}`).title).toBe('Soil Carbon Markets');
  });
});

describe('round 5: the issue named in the prose', () => {
  it('takes a quoted theme and a capitalised name after the issue words', () => {
    expect(parseCfp('The Soil Review is seeking short papers for a mini symposium.\n\nThis year’s topic is “Soil Carbon and Political Trust.” Papers should address it.').title).toBe('Soil Carbon and Political Trust');
    expect(parseCfp('- The journal invites submissions for the upcoming themed issue Creating the Soil Now, which will be guest edited by Jane Smith.\n\nThe deadline is 1 May 2027.').title).toBe('Creating the Soil Now');
  });
});
