/** The article-list reader on saved real pages: the eval's HTML cases are its regression suite. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findArticleList } from '../../src/core/cfp/html/articles.js';
import { parseDocument } from '../../src/core/cfp/html/dom.js';

describe('findArticleList on real pages', () => {
  it('on the saved real pages of eval/cfp/cases: the two with a published-papers list give their papers, the others none', () => {
    const dir = new URL('../../eval/cfp/cases/', import.meta.url);
    const found: Record<string, Array<string | undefined>> = {};
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(35);
    for (const f of pages) {
      const list = findArticleList(parseDocument(readFileSync(new URL(f, dir), 'utf8')));
      if (list) found[f] = list.papers.map((p) => p.doi);
    }
    expect(found).toEqual({
      'mdpi-sustainability-circular-economy-industrial-parks.html': ['10.3390/su17198830'],
      'mdpi-sustainability-circular-economy-small-towns.html': ['10.3390/su172310762', '10.3390/su17177571', '10.3390/su17135704'],
    });
  });
});
