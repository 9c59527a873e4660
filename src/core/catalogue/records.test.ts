import { describe, expect, it } from 'vitest';
import { readBulk } from './bulk.js';
import { callFromRecord, readDate } from './records.js';

describe('bulk records', () => {
  it('reads dates as data sets write them', () => {
    expect(readDate('2025-12-31T12:00:00.000Z')).toBe('2025-12-31');
    expect(readDate(1698969600000)).toBe('2023-11-03');
    expect(readDate('31 March 2026')).toBe('2026-03-31');
    expect(readDate('whenever')).toBeUndefined();
  });
  it('maps the evaluation format, a full Call and a tracker record with its own field names', () => {
    expect(callFromRecord({ id: 'acl-w1', title: 'Workshop', description: 'Scope.', deadline: '2025-01-15' })).toMatchObject({ id: 'acl-w1', scope: 'Scope.', dates: { submission_deadline: '2025-01-15' } });
    expect(callFromRecord({ id: 'x', title: 'T', scope: 'S', dates: { submission_deadline: '2026-01-01' } })).toMatchObject({ id: 'x', scope: 'S' });
    const radar = { id: 'sn-abc', title: 'AI Literacy', journal: 'Int J STEM Ed', publisher: 'Springer Nature', cfp_url: 'https://link.springer.com/collections/abc', full_paper_deadline: '2027-01-31', topics: ['教育学'], keywords: ['AI Literacy', 'STEM'] };
    expect(callFromRecord(radar, { map: { topics: 'keywords' } })).toMatchObject({ id: 'sn-abc', venue: 'Int J STEM Ed', topics: ['AI Literacy', 'STEM'], dates: { submission_deadline: '2027-01-31' } });
    expect(callFromRecord({ title: 'Cities', guest_editors_text: 'x', editors: 'Rashid Mushkani, Robert J. Chaskin and Shin Koseki' }).guest_editors.map((e) => e.name)).toEqual(['Rashid Mushkani', 'Robert J. Chaskin', 'Shin Koseki']);
  });
  it('refuses a record without a title, naming it, and keeps the others', async () => {
    const text = '{"title":"A","deadline":"2026-01-01"}\n{"venue":"no title"}\nnot json\n';
    const { records, failures } = await readBulk(text, 'jsonl', 'calls.jsonl');
    expect(records.map((r) => r.call.title)).toEqual(['A']);
    expect(failures.map((f) => f.message)).toEqual([expect.stringContaining('record 2: no title'), expect.stringContaining('line 3: not valid JSON')]);
  });
  it('refuses a listed record that names only its journal and has nothing else to match, keeping one with a description', async () => {
    const text = [
      { title: 'Call for papers for a Special Issue of Information & Management', journal: 'Information and Management', url: 'https://x.org/im' },
      { title: 'Call for papers for a Special Issue of Information & Management', journal: 'Information and Management', description: 'Digital platforms and the firms that build on them.' },
      { title: 'Digital Platforms', journal: 'Information and Management' },
    ].map((r) => JSON.stringify(r)).join('\n');
    const { records, failures } = await readBulk(text, 'jsonl', 'calls.jsonl');
    expect(records.map((r) => r.call.scope)).toEqual(['Digital platforms and the firms that build on them.', '']);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(/record 1: "Call for papers for a Special Issue of Information & Management" names no issue/);
    expect(failures[0]?.code).toBe('VALIDATION');
  });
  it('reads CSV with topics separated by semicolons', async () => {
    const csv = 'title,journal,topics,deadline,url\n"Soil, Water and Life",Soil Biology,"drought; warming",2026-03-31,https://x.org/si/1\n';
    const { records } = await readBulk(csv, 'csv', 'calls.csv');
    expect(records[0]).toMatchObject({ url: 'https://x.org/si/1', call: { title: 'Soil, Water and Life', venue: 'Soil Biology', topics: ['drought', 'warming'] } });
  });
});

describe('cleanListedTitle', () => {
  it('drops call-for-papers wrapping and quotes but keeps titles that would be left too short', async () => {
    const { cleanListedTitle } = await import('./records.js');
    expect(cleanListedTitle("Call for Papers on Special Issue: 'Embracing AI for the Future of Marketing'")).toBe('Embracing AI for the Future of Marketing');
    expect(cleanListedTitle('Special Issue on Smart Service, Smart Business, Smart Research')).toBe('Smart Service, Smart Business, Smart Research');
    expect(cleanListedTitle('“Regulation in the Age of Digitalization”')).toBe('Regulation in the Age of Digitalization');
    expect(cleanListedTitle('Call for papers for a Special Issue of Information & Management')).toBe('Call for papers for a Special Issue of Information & Management');
    expect(cleanListedTitle('Managing AI')).toBe('Managing AI');
  });
});
