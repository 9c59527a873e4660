import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { titleUnderBare, withClosedQuote } from './title-wrap.js';
import { parseCfp } from './parse.js';

describe('titles over two lines', () => {
  it('joins a quoted title with the line that closes its quote', () => {
    const lines = toLines('Special Issue "Soil Carbon and\nWater Markets"\nSoil Letters');
    expect(withClosedQuote(lines, 0)).toBe('Special Issue "Soil Carbon and Water Markets"');
    expect(withClosedQuote(toLines('Special Issue "Soil"\nNext "line"'), 0)).toBe('Special Issue "Soil"');
  });

  it('takes the line under a bare "Special Issue on:" as the title, never a link or a list item', () => {
    expect(titleUnderBare(toLines('Special Issue on:\n\nSoil Carbon Markets'), 0)).toBe(2);
    expect(titleUnderBare(toLines('Special Issue on:\nhttps://example.org/si'), 0)).toBeUndefined();
    expect(titleUnderBare(toLines('Special Issue on Soil\nSoil Carbon Markets'), 0)).toBeUndefined();
  });

  it('round 5: skips the journal masthead line between the issue words and the title', () => {
    expect(titleUnderBare(toLines('Special Issue\nProceedings of Soil Science\n"Soil Carbon: from Theory to Practice"'), 0)).toBe(2);
    expect(titleUnderBare(toLines('Special Issue\nSoil Carbon Markets'), 0)).toBe(1);
  });

  it('parses both layouts end to end', () => {
    expect(parseCfp('Special Issue on:\nNew Trends in Soil Science: Carbon and\nWater\nSoil Letters (Wiley)\n\nSubmission due: May 31, 2027\n\nSoil matters to everyone, and this issue is about it.').title).toBe('New Trends in Soil Science: Carbon and Water');
    expect(parseCfp('Special Issue "Current Trends in Soil and\nWater Science"\n\nDear Colleagues,\n\nWe are organizing a special issue on soil and water.').title).toBe('Current Trends in Soil and Water Science');
    expect(parseCfp('CALL FOR PAPERS – DEADLINE EXTENDED Soil and Health A Special Feature in Soil Letters\n\nSoil is a growing concern for health and this feature asks why.').title).toBe('Soil and Health');
  });
});

describe('round 4: issues named after a lead-in sentence', () => {
  it('takes a quoted title under "... a special issue of the X journal:"', () => {
    const lines = toLines('Authors may submit a full paper for a special issue of the SL journal:\n\n“Soil Data Science Techniques”\n\nThis special issue aims at soil.');
    expect(titleUnderBare(lines, 0)).toBe(2);
    expect(titleUnderBare(toLines('Authors may submit a paper for a special issue of the SL journal:\n\nSoil Data Science Techniques'), 0)).toBeUndefined();
  });

  it('reads a quoted name after "special-issue call on"', () => {
    expect(parseCfp('Dear colleagues,\n\nWe are pleased to let you know about our open-access special-issue call on “Bridging Soil Divides: Concepts and Solutions”.\n\nVarious critical soil aspects\n\nWe look forward to your contributions.').title).toBe('Bridging Soil Divides: Concepts and Solutions');
  });
});

describe('round 4: the issue named in its announcing sentence', () => {
  it.each([
    ['The Soil Review from Cambridge is pleased to announce a call for papers for Issue 31.1: In the Trenches. This edition focuses on the interactions between soil and conflict.', 'In the Trenches'],
    [`Soil Letters Calls for Papers with Editor Jane Smith\nSoil: Research for a Dynamic World invites papers for a special issue on gender in the 2027 elections. ${'We invite contributions on all topics relevant to gender and politics. '.repeat(6)}The deadline for manuscript submissions is January 15, 2027.`, 'Gender in the 2027 elections'],
  ])('%s', (text, title) => {
    expect(parseCfp(text).title).toBe(title);
  });
});
