import { describe, expect, it } from 'vitest';
import { sectionKindOf } from './sections.js';
import { parseCfp } from './parse.js';

describe('section kinds', () => {
  it.each([
    ['Call for Submissions', 'scope'],
    ['CALL FOR PAPERS', 'scope'],
    ['Submission Guidelines', 'submission'],
    ['How to submit', 'submission'],
  ])('%s opens a %s section', (heading, kind) => {
    expect(sectionKindOf(heading)).toBe(kind);
  });

  it('reads the prose under a page\'s "Call for Submissions" heading as the call\'s scope', () => {
    const call = parseCfp('Call for Submissions\n\n    Soil Letters invites exploration of ideas around soil and society in a themed issue.\n    Topics can include:\n    • Soil carbon\n    • Erosion\n    Deadline: Monday, April 6th, 2027');
    expect(call.scope).toMatch(/ideas around soil/);
    expect(call.dates.submission_deadline).toBe('2027-04-06');
  });
});
