import { describe, expect, it } from 'vitest';
import { quotedIssue } from './title-quoted.js';
import { parseCfp } from './parse.js';

describe('quotedIssue', () => {
  it.each([
    ['Special issue, "Cultural Heritage in Crisis," Library Trends', 'Cultural Heritage in Crisis'],
    ['36.2727, Calls: Linguistics - "Special Issue: Soil Words of Africa" (Jrnl)', 'Soil Words of Africa'],
    ['Subject: Linguistics - "Special Issue: Soil Words of Africa" (Jrnl)', 'Soil Words of Africa'],
    ['*CFP* "THEORIES OF SOIL", SPECIAL ISSUE, SOIL: A JOURNAL OF THEORY', 'THEORIES OF SOIL'],
    ['Call for a special issue of the Soil Journal, around the theme of “Soil Carbon in a Time of Crisis.”', 'Soil Carbon in a Time of Crisis'],
  ])('takes the quoted name from an announcement: %s', (line, title) => {
    expect(quotedIssue(line)).toBe(title);
  });

  it.each([
    'A special issue of Soil (ISSN 1). This special issue belongs to the section "Gut Microbiota".',
    'A "New" Deal for Soil',
    'While “Artificial Intelligence” becomes mainstream, its impacts are unprecedented',
    'Special Issue "One" and "Two"',
  ])('leaves a line whose quotes are not the issue: %s', (line) => {
    expect(quotedIssue(line)).toBeUndefined();
  });
});

describe('parseCfp with a quoted name in the announcing line', () => {
  it('drops the journal after the quotes', () => {
    const call = parseCfp('CFP - Special issue, "Soil Carbon in Crisis," Soil Trends\n\nWe interpret soil carbon broadly, from plots to continents.');
    expect(call.title).toBe('Soil Carbon in Crisis');
  });
});
