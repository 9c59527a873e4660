import { describe, expect, it } from 'vitest';
import { Call } from '../schema.js';
import { compareCalls, createDedupeIndex, editionOf, normalTitle, normalUrl } from './dedupe.js';

const call = (title: string, extra: Record<string, unknown> = {}) => Call.parse({ id: `c-${title.length}-${Math.random().toString(36).slice(2, 7)}`, title, ...extra });

describe('normalising for de-duplication', () => {
  it('drops call-for-papers wrapping, quotes, case and punctuation', () => {
    expect(normalTitle('Call for Papers: Special Issue on “Digital Resilience”')).toBe('digital resilience');
    expect(normalTitle('CFP - VSI: Edge AI & 6G')).toBe('edge ai and 6g');
    expect(normalTitle('Digital Resilience, 2nd Edition')).toBe('digital resilience');
  });
  it('reads edition marks', () => {
    expect(editionOf('Soil Microbiomes, 2nd Edition')).toBe('2');
    expect(editionOf('Soil Microbiomes II')).toBe('2');
    expect(editionOf('Soil Microbiomes')).toBeUndefined();
  });
  it('keys URLs without scheme, www, trailing slash and tracking parameters, keeping fragments', () => {
    expect(normalUrl('https://www.Example.org/si/1/?utm_source=x')).toBe(normalUrl('http://example.org/si/1'));
    expect(normalUrl('https://x.org/calls#a')).not.toBe(normalUrl('https://x.org/calls#b'));
  });
});

describe('compareCalls', () => {
  const base = call('Digital Resilience', { venue: 'MIS Quarterly', dates: { submission_deadline: '2025-06-30' }, guest_editors: [{ name: 'Ann Lee' }, { name: 'Bo Chen' }] });
  it('merges the same title and venue, and a shared source URL whatever the title', () => {
    expect(compareCalls(call('Special issue on digital resilience', { venue: 'MIS Quarterly' }), [], base, [])?.kind).toBe('same');
    expect(compareCalls(call('Something else'), ['https://x.org/a/'], base, ['http://www.x.org/a'])?.kind).toBe('same');
  });
  it('tells editions and different venues apart instead of merging', () => {
    expect(compareCalls(call('Digital Resilience II', { venue: 'MIS Quarterly' }), [], base, [])?.kind).toBe('edition');
    expect(compareCalls(call('Digital Resilience', { venue: 'MIS Quarterly', dates: { submission_deadline: '2026-09-30' } }), [], base, [])?.kind).toBe('edition');
    expect(compareCalls(call('Digital Resilience', { venue: 'Information Systems Journal' }), [], base, [])?.kind).toBe('near');
  });
  it('merges a similar title only when venue, deadline and an editor agree; otherwise reports it', () => {
    const similar = { venue: 'MIS Quarterly', dates: { submission_deadline: '2025-06-30' } };
    expect(compareCalls(call('Digital Resilience in Organisations', { ...similar, guest_editors: [{ name: 'A. Lee' }] }), [], base, [])?.kind).toBe('same');
    expect(compareCalls(call('Digital Resilience in Organisations', similar), [], base, [])).toBeUndefined();
    expect(compareCalls(call('Digital Resilience of Organisations', similar), [], call('Digital Resilience for Organisations', similar), [])?.kind).toBe('near');
    expect(compareCalls(call('Ocean Acidification'), [], base, [])).toBeUndefined();
  });
  it('reports different titles with the same venue, deadline and two guest editors', () => {
    const other = call('Resilient Digital Infrastructures', { venue: 'MIS Quarterly', dates: { submission_deadline: '2025-06-30' }, guest_editors: [{ name: 'Ann Lee' }, { name: 'Bo Chen' }] });
    expect(compareCalls(other, [], base, [])?.kind).toBe('near');
    expect(createDedupeIndex([base]).match(other, []).map((v) => v.kind)).toEqual(['near']);
  });
});
