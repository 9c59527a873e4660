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
