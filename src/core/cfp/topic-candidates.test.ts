import { describe, expect, it } from 'vitest';
import { bulletRuns } from './lists.js';
import { toLines } from './lines.js';
import { sectionsOf } from './sections.js';
import { proseLists, topicCandidates, TOPIC_FEATURES } from './topic-candidates.js';

const candidatesOf = (text: string, claimed = new Set<number>()) => {
  const lines = toLines(text);
  return topicCandidates(lines, sectionsOf(lines), bulletRuns(lines), claimed);
};

describe('proseLists', () => {
  it('reads an enumeration after a preposition, a strong lead-in or a colon, the last item after "and"', () => {
    expect(proseLists('We welcome papers on soil carbon, nitrogen cycling, and root traits.')).toEqual([{ items: ['soil carbon', 'nitrogen cycling', 'root traits'], lead: 'weak', before: 'We welcome papers on' }]);
    expect(proseLists('Topics include, but are not limited to, drought, floods and heat waves.')[0]?.items).toEqual(['drought', 'floods', 'heat waves']);
    expect(proseLists('The issue covers three themes: memory; archives; the digital turn.')[0]).toMatchObject({ items: ['memory', 'archives', 'the digital turn'], lead: 'strong' });
  });

  it('does not split inside brackets, drops enumerators and takes no lead-in inside brackets', () => {
    expect(proseLists('We welcome studies of student life such as sources of stress (e.g., assessment stress, workload stress), online teaching, and financial stressors.')[0]?.items).toEqual([
      'sources of stress (e.g., assessment stress, workload stress)', 'online teaching', 'financial stressors',
    ]);
    expect(proseLists('Papers may address 1) a turn to practice, 2) a turn to texts, and 3) a turn to bodies.')[0]?.items).toEqual(['a turn to practice', 'a turn to texts', 'a turn to bodies']);
  });

  it('gives nothing for commas that continue a sentence, two items, or a sentence too long to be a list', () => {
    expect(proseLists('We invite papers on soil health, including, but not only, its microbiology and its chemistry, which together shape what farms can grow.')).toEqual([]);
    expect(proseLists('We welcome papers on soil carbon and root traits.')).toEqual([]);
    expect(proseLists(`We welcome papers on ${'x, '.repeat(600)}and y.`)).toEqual([]);
  });
});

describe('topicCandidates', () => {
  it('offers bullet lists, runs of short lines with blank lines between, and prose enumerations, each with every feature', () => {
    const cs = candidatesOf('Special Issue on Heat\n\nTopics:\n- Warning systems\n- Greening\n\nWe seek approaches including:\n\nCooling centres\n\nHeat and labour\n\nHeat governance\n\n\nWe welcome papers on drought, floods, and heat waves.\n');
    expect(cs.map((c) => c.kind)).toEqual(['marked', 'lines', 'prose']);
    expect(cs[1]?.items).toEqual(['Cooling centres', 'Heat and labour', 'Heat governance']);
    for (const c of cs) expect(c.features).toHaveLength(TOPIC_FEATURES.length);
  });

  it('ends a run of lines at a line another field claimed', () => {
    const text = 'Special Issue on Heat\n\nWe seek approaches including:\n\nCooling centres\n\nHeat and labour\n\nDeadline: 1 May 2027\n\nHeat governance\n';
    expect(candidatesOf(text).find((c) => c.kind === 'lines')?.items).toContain('Deadline: 1 May 2027');
    expect(candidatesOf(text, new Set([8])).some((c) => c.kind === 'lines')).toBe(false);
  });
});
