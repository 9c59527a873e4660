import { describe, expect, it } from 'vitest';
import type { RankResponse, TriageResponse } from '../schema.js';
import { csvCell, toCsv } from './csv.js';
import { exportRanking } from './ranking.js';
import { exportTriage } from './triage.js';

const RANK: RankResponse = {
  results: [{ call_id: 'c1', title: 'Edge, "AI"', venue: 'V', fit: 57.3, score: 1, components: { dense: 0.5, lexical: 0.2 }, matched_topics: [{ topic: 'T1', similarity: 0.6, sentence: 'We do x.', sentence_index: 0 }], deadline: { state: 'open', deadline: '2025-03-01', days_left: 50 }, requirements: [{ rule: 'keywords_min', ok: false, expected: '>= 3', actual: 1, message: 'at least 3 keywords' }], submission_url: 'https://x' }],
  total_calls: 1, as_of: '2025-01-10', embedder: 'e', timing_ms: { embed: 1, search: 1, total: 2 },
};

describe('exports', () => {
  it('quotes CSV cells and defuses formulas (CSV injection)', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-3)).toBe('-3');
    expect(toCsv(['a'], [['x\ny']])).toBe('\uFEFFa\r\n"x\ny"\r\n');
  });

  it('writes a ranking as CSV, JSON and Markdown', () => {
    const csv = exportRanking(RANK, 'csv').split('\r\n');
    expect(csv[0]).toBe('\uFEFFrank,call_id,title,venue,fit,deadline_state,deadline,days_left,matched_topics,requirements_not_met,submission_url');
    expect(csv[1]).toBe('1,c1,"Edge, ""AI""",V,57.3,open,2025-03-01,50,T1,at least 3 keywords,https://x');
    expect(JSON.parse(exportRanking(RANK, 'json'))).toEqual(RANK);
    const md = exportRanking(RANK, 'md');
    expect(md).toContain('| 1 | Edge, "AI" (`c1`) | 57 | open 2025-03-01 | T1 |');
    expect(md).toContain('- Not met: at least 3 keywords');
  });

  it('writes triage verdicts with titles as CSV', () => {
    const res: TriageResponse = { call_id: 'c1', thresholds: { in_scope: 0.5, borderline: 0.25 }, results: [{ id: '0', verdict: 'borderline', probability: 0.3, matched_topics: [], unmatched_topics: ['T2'], reason: 'r', better_fit: { call_id: 'c2', title: 'Other', probability: 0.8 } }] };
    expect(exportTriage(res, 'csv', new Map([['0', '@risk']])).split('\r\n')[1]).toBe("0,'@risk,borderline,0.3,,,T2,r,c2,Other,0.8");
  });
});
