import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { venueCandidates } from './venue-candidates.js';

const sourcesOf = (text: string, name: string) => {
  const lines = toLines(text);
  return venueCandidates({ lines, links: [], plain: lines.map((l) => l.text).join('\n') }).find((c) => c.text === name)?.sources ?? [];
};

describe('venue candidates, round 23', () => {
  it('reads the journal of an issue named with its number, in Italian and German', () => {
    expect(sourcesOf('Il volume 1/2026 di Studium Soli invita a esplorare la dialettica del suolo.', 'Studium Soli')).toContain('ctx:revue-de');
    expect(sourcesOf('Das Schwerpunktheft 4/ 2019 der Bodenkundlichen Rundschau beschäftigt sich mit dem Boden.', 'Bodenkundlichen Rundschau')).toContain('ctx:revue-de');
  });

  it('reads the journal of a focus series and of a numbered issue', () => {
    expect(sourcesOf('Submissions for this focus series of Papers in Soil edited by Ann Lee are open.', 'Papers in Soil')).toContain('ctx:issue-of');
    expect(sourcesOf('Papers for Issue 14.1 of Soil Law Review are due in May.', 'Soil Law Review')).toContain('ctx:issue-of');
  });

  it('reads the journal before "- Call for Papers" in a page title', () => {
    expect(sourcesOf('Soil Science - Call for Papers: The Future of Soil Science\n\nWe invite papers.', 'Soil Science')).toContain('ctx:before-cfp');
  });

  it('does not read a number alone as an issue of a lower-case phrase', () => {
    expect(sourcesOf('Volume 3 of the series was published.', 'the series')).toEqual([]);
  });
});
