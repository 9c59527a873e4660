import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../../tests/fixtures/cfp-deadline.js';
import { parseDate } from './dates.js';


describe('round 9: deadlines', () => {
  it('reads day-month-year joined by hyphens, as mail archives write them', () => {
    expect(parseDate('31-Oct-2014')).toBe('2014-10-31');
    expect(deadlineOf('Call Deadline: 12-Jan-2026')).toBe('2026-01-12');
  });

  it('reads a copied table whose labels run into their dates, and takes the full manuscripts\' row', () => {
    const table = 'Abstract/Letter of Intent (optional)January 15, 2026\nFull Manuscript Submission DeadlineMarch 15, 2026\nRevised Manuscript Due (if invited)June 30, 2026';
    expect(deadlineOf(table)).toBe('2026-03-15');
  });

  it('does not take the date under a "Now Accepting Submissions" heading for the deadline', () => {
    expect(deadlineOf('Soils Special Issue Now Accepting Manuscript Submissions\n\nMarch 23, 2021\n\nThe deadline for manuscript submissions is February 1, 2022.')).toBe('2022-02-01');
  });

  it('reads "the last date of submission is" in prose', () => {
    expect(deadlineOf('The issue will be released in May 2019. The last date of submission is 5 March 2019.')).toBe('2019-03-05');
  });

  it('takes the full papers\' prose deadline over a labelled proposal deadline, and keeps the label when the prose has none', () => {
    const text = 'Deadline for proposals: March 1, 2019\n\nAuthors will be notified by 30th March 2019 and full manuscripts will be due by 1st August 2019.';
    expect(deadlineOf(text)).toBe('2019-08-01');
    expect(deadlineOf('Deadline for proposals: March 1, 2019\n\nAuthors will be notified by 30th March 2019.')).toBe('2019-03-01');
  });

  it('reads a generic "Call Deadline" as the abstracts\' when the prose gives abstracts that day, and the drafts\' date after it', () => {
    const text = 'Call Deadline: 01-Oct-2012\n\nAbstracts of 300 words should be submitted by 1st October\n\nFirst drafts due October 1st 2013 for a thematic issue.';
    expect(deadlineOf(text)).toBe('2013-10-01');
  });
});
