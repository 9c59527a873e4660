/**
 * Patterns of round 19's calls (folded into the tuning split after they were measured), through the
 * whole parser, each in a made-up call: a topic list under an editors' block that prose without a
 * final full stop ends, a submission window "open until" a date, affiliations abbreviated with full
 * stops inside parentheses, a semicolon list after what the issue "will highlight", and an issue's
 * name between mismatched single quotes; journals named on a line with their issue, inviting
 * submissions, or called "the journal titled X".
 */
import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { parseCfp } from './parse.js';
import { titleCandidates } from './title-candidates.js';
import { findTitle } from './title.js';
import { venueInText } from './venue.js';

describe('round 19 patterns', () => {
  it('ends an editors block at a long prose line that holds a sentence end, so the list after it is the topics', () => {
    const text = [
      'Special Issue: Soil Carbon Markets', '',
      'Guest editors:', '',
      'Ada Lovelace, University of Arizona',
      'Mary Somerville, University of East Anglia', '',
      'Submission deadline: 31st January, 2026', '',
      'Soil carbon markets pay farmers for carbon stored in their soils, and their rules differ from one country to the next in what they count and how. The Journal of Soils will publish a special issue which aims to gather frontier research on them. Relevant topics include', '',
      '  • basic theory,', '  • field measurement,', '  • applied work, and', '  • reflections on the field.', '',
    ].join('\n');
    const call = parseCfp(text);
    expect(call.topics).toEqual(['basic theory', 'field measurement', 'applied work', 'reflections on the field']);
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Ada Lovelace', 'Mary Somerville']);
  });

  it('reads "Submissions are open until <date>" as the deadline, and not "open from <date>"', () => {
    const until = parseCfp('Soil Carbon Markets\n\nThe journal Soils launches a special issue on soil carbon markets. Submissions are open until 30 September 2026.\n');
    expect(until.dates.submission_deadline).toBe('2026-09-30');
    const from = parseCfp('Soil Carbon Markets\n\nThe journal Soils launches a special issue on soil carbon markets. Submissions are open from 30 September 2026.\n');
    expect(from.dates.submission_deadline).toBeUndefined();
  });

  it('keeps reading editors past full stops inside their affiliations', () => {
    const text = 'Soil Carbon Markets\n\nThe journal Soils launches a new special issue entitled ‘Soil Carbon Markets‘, edited by Prof. Ada Lovelace (Reading Univ., UK) and Dr. Mary Somerville (Univ. College Dublin, Ireland). The special issue invites contributions on carbon in soils and its markets from every region.\n';
    const call = parseCfp(text);
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Ada Lovelace', 'Mary Somerville']);
  });

  it('reads a semicolon list after what the issue will highlight, four items or more, and not a sentence with fewer', () => {
    const text = [
      'Special Issue "Herbicide Resistance in Plants"', '',
      'Dear Colleagues,', '',
      'Herbicide-resistant weeds are a global issue for food security. This Special Issue of Plants will highlight global trends in the occurrence of resistant weeds; recent developments in resistance mechanisms; population genomics of resistant weeds; and the fitness of resistant weeds and implications for management.', '',
    ].join('\n');
    expect(parseCfp(text).topics).toEqual(['global trends in the occurrence of resistant weeds', 'recent developments in resistance mechanisms', 'population genomics of resistant weeds', 'the fitness of resistant weeds and implications for management']);
    const three = text.replace('; population genomics of resistant weeds', '');
    expect(parseCfp(three).topics).toEqual([]);
  });

  it('reads the journal that opens a line naming its issue ("X Feature Issue", "X New Special Collection"), not a heading about the issue', () => {
    expect(venueInText('Optics Material Express Feature Issue\n\nPolaritonics\n\nSubmission Deadline: 1 June 2023')).toBe('Optics Material Express');
    expect(venueInText('[MSA-talk] American Mineralogist New Special Collection "Lithium, beryllium and boron"')).toBe('American Mineralogist');
    expect(venueInText('Teaching and Learning in Nursing Call for Papers & Special Issue Announcement: Ethics')).toBe('Teaching and Learning in Nursing');
    expect(venueInText('Special Issue on Permafrost Lakes\n\nScope of the Special Issue\n\nThe aim is ...')).toBeUndefined();
    expect(venueInText('Theme Special Issue\n\nSoil carbon')).toBeUndefined();
  });

  it('reads the journal that invites submissions at the start of a sentence, or that a sentence calls the journal titled X', () => {
    expect(venueInText('Issue date: July 2016\nEssays in Philosophy invites the submission of papers that explore extended cognition.')).toBe('Essays in Philosophy');
    expect(venueInText('The special issue is part of a new journal titled Translational Issues in Psychological Science, co-sponsored by APA.')).toBe('Translational Issues in Psychological Science');
    // Not the editors, nor the issue itself, inviting.
    expect(venueInText('The Guest Editors invite submissions on soil carbon.')).toBeUndefined();
    expect(venueInText('This Special Issue invites papers on soil carbon.')).toBeUndefined();
    // A name read with the issue after it ends before the issue.
    expect(venueInText('We invite papers for the Journal of Systems and Software Special Issue on Language Engineering.')).toBe('Journal of Systems and Software');
  });

  it("offers an issue's name between mismatched single quotes after \"entitled\" as a title candidate", () => {
    const text = 'Soils News\n\nThe journal Quaternary launches a new special issue entitled ‘Speleothem records and climate‘, edited by Sandy Harrison. The special issue invites contributions on speleothems and their records of past climate.\n';
    const lines = toLines(text);
    const prose = lines.filter((l) => l.kind === 'text').map((l) => l.text).join('\n\n');
    const named = titleCandidates({ lines, prose, tried: findTitle(lines, prose).tried, plain: text }).find((c) => c.text === 'Speleothem records and climate');
    expect(named?.sources).toEqual(expect.arrayContaining(['entitled']));
  });
});
