import { describe, expect, it } from 'vitest';
import { CALL_LIMITS } from '../schema.js';
import { cutText, fitToLimits } from './limits.js';
import { parseCfp } from './parse.js';

const base = { title: 'Soil Health', scope: 'Scope.', topics: ['Soil carbon'], guest_editors: [{ name: 'Jane Smith', affiliation: 'Univ' }], rules: {}, warnings: [] };

describe('fitToLimits', () => {
  it('leaves a call inside its limits unchanged', () => {
    expect(fitToLimits(base)).toEqual(base);
  });

  it('drops an over-long topic and an editor affiliation with a warning instead of failing the call', () => {
    const long = 'word '.repeat(200).trim();
    const out = fitToLimits({ ...base, topics: ['Soil carbon', long], guest_editors: [{ name: 'Jane Smith', affiliation: long }] });
    expect(out.topics).toEqual(['Soil carbon']);
    expect(out.guest_editors).toEqual([{ name: 'Jane Smith' }]);
    expect(out.warnings.length).toBe(2);
  });

  it('cuts a long title and scope at a word, and drops a venue that cannot be a name', () => {
    const out = fitToLimits({ ...base, title: 'title '.repeat(300), scope: 'scope '.repeat(5000), venue: 'v'.repeat(600) });
    expect(out.title.length).toBeLessThanOrEqual(CALL_LIMITS.title);
    expect(out.title.endsWith('title…')).toBe(true);
    expect(out.scope.length).toBeLessThanOrEqual(CALL_LIMITS.scope);
    expect(out.venue).toBeUndefined();
    expect(out.warnings).toHaveLength(3);
  });

  it('cuts a word-less run where it must', () => {
    expect(cutText('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('parseCfp with a field over its limit', () => {
  it('keeps the call and warns when a bulleted topic is a whole paragraph', () => {
    const para = `${'This paragraph runs on about the topic and never stops '.repeat(12)}.`;
    const text = `Special Issue on Soil Health\n\nWe invite papers on soil.\n\nTopics include:\n- Soil carbon\n- Erosion control\n- ${para}\n\nSubmission deadline: 31 May 2026`;
    const call = parseCfp(text, { now: '2026-01-01' });
    expect(call.title).toBe('Soil Health');
    expect(call.topics).toEqual(['Soil carbon', 'Erosion control']);
    expect(call.warnings.some((w) => w.includes('dropped'))).toBe(true);
  });
});
