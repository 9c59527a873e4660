import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { proseDeadline } from './prose-dates.js';
import { parseCfp } from './parse.js';
import { dateFieldOf } from './schedule.js';

const deadlineOf = (block: string) =>
  parseCfp(`Special Issue on Testing\n\nThis special issue is about testing things in general.\n\n${block}`).dates.submission_deadline;

describe('submission deadlines', () => {
  it('never takes the opening of a submission window for its deadline', () => {
    expect(dateFieldOf('Submissions System opens')).toBeUndefined();
    expect(dateFieldOf('Submission portal opens / deadline')).toBe('submission_deadline');
    expect(deadlineOf('- Submissions System opens: October 15, 2022\n- Paper Submission Deadline: January 15, 2023\n- First Review Decisions: April 15, 2023')).toBe('2023-01-15');
  });

  it('lets labelled lines under a "Deadlines:" heading speak for themselves', () => {
    expect(deadlineOf('Deadlines:\nExpression of interest: September 21, 2018\nFull paper submission: October 28, 2018.')).toBe('2018-10-28');
    expect(deadlineOf('Manuscript deadline\n\n31 May 2024')).toBe('2024-05-31');
  });

  it('takes the paper deadline of a two-stage call, not its abstract or proposal deadline', () => {
    expect(deadlineOf('- Proposal submission (max 1700 characters): October 1, 2018\n- Initial notification to authors: by October 30, 2018\n- Full manuscripts: February 1, 2019')).toBe('2019-02-01');
    expect(deadlineOf('Abstracts due: Nov 18, 2018\nPapers due: March 10, 2019\n=====================')).toBe('2019-03-10');
    // With only an abstract deadline the call gives no paper deadline yet (round 25: the labelled calls say so, none says otherwise).
    expect(deadlineOf('Abstract submission: Nov 18, 2018')).toBeUndefined();
  });

  it('reads a date under its label with an underline between, and "must be received by" in prose', () => {
    expect(deadlineOf('Deadline for Manuscript Submissions:\n===================\n\n30 June 2019')).toBe('2019-06-30');
    expect(deadlineOf('Submissions must be received by midnight CET on November 15th 2013.')).toBe('2013-11-15');
  });

  it('takes the end of a submission window stated in a sentence when no line labels the deadline', () => {
    expect(deadlineOf('1. All manuscripts should be submitted through the online system during October 15, 2022 – January 15, 2023.')).toBe('2023-01-15');
  });
});

describe('round 4: deadlines in prose', () => {
  it('takes the whole date after "submitted by", not a later month of publication', () => {
    expect(proseDeadline(toLines('Papers of no more than 4000 words should be submitted by 28 March 2027, for publication in November 2027.'))?.iso).toBe('2027-03-28');
  });

  it('does not take an abstract or proposal due date for the paper deadline, unless the sentence gives the final paper\'s', () => {
    expect(proseDeadline(toLines('Extended abstract submissions are requested with a due date on August 1, 2027.'))).toBeUndefined();
    expect(proseDeadline(toLines('Abstracts are due by April 2nd, 2027, and a final paper must be ready for review by January 15, 2028.'))?.iso).toBe('2028-01-15');
  });
});

describe('round 5: a two-stage call with a dates heading', () => {
  it('takes the drafts date after a proposal date whose label has numbers in an aside', async () => {
    const { collectDates } = await import('./schedule.js');
    const { dates } = collectDates(toLines('## Deadlines:\n\nProposals (250-500 word abstract and 2 page CV): Feb 28, 2027\n\nFinal Drafts: September 1, 2027'));
    expect(dates.submission_deadline).toBe('2027-09-01');
  });
});

describe('round 5: "accept submissions ... through <date>"', () => {
  it('is the paper deadline in prose', () => {
    expect(proseDeadline(toLines('We will accept submissions for this issue through December 15, 2027, through our portal.'))?.iso).toBe('2027-12-15');
    expect(proseDeadline(toLines('We accept abstracts for this issue through December 15, 2027.'))).toBeUndefined();
  });
});

describe('round 5: labels in Unicode mathematical bold', () => {
  it('reads them as the letters they show', async () => {
    const { parseCfp } = await import('./parse.js');
    const call = parseCfp('Special Issue on Soil Politics\n\nWe invite essays on soil and the state, from every field that studies them.\n\n𝗠𝗮𝗻𝘂𝘀𝗰𝗿𝗶𝗽𝘁 𝗗𝗲𝗮𝗱𝗹𝗶𝗻𝗲:\n01 April 2027');
    expect(call.dates.submission_deadline).toBe('2027-04-01');
  });
});

describe('round 6: deadlines', () => {
  it('reads a day-first date written with hyphens', () => {
    expect(parseCfp('Soil Carbon Markets\n\nDeadline for submission: 31-05-2017\n\nWe invite papers on soils.').dates.submission_deadline).toBe('2017-05-31');
  });

  it('reads "Submissions close on <date>" in prose', () => {
    expect(parseCfp('Soil Carbon Markets\n\nWe invite papers on soils. Submissions close on 31 October 2022.').dates.submission_deadline).toBe('2022-10-31');
  });
});
