import { describe, expect, it } from 'vitest';
import { withoutInlineHtml } from './inline-html.js';
import { withoutFrontMatter } from './front-matter.js';
import { parseCfp } from './parse.js';

describe('withoutInlineHtml', () => {
  it('removes tags in place, keeping lines, bullets and links', () => {
    const out = withoutInlineHtml('<b style="x">Soil</b>\n<ul>\n  <li>Carbon</li>\n</ul>\nSee <a href="https://x.org/a">the page</a> &amp; more');
    expect(out.split('\n')).toEqual(['Soil', '', '  - Carbon', '', 'See [the page](https://x.org/a) & more']);
  });

  it('leaves text with an odd <url> or a mail address alone', () => {
    const text = 'Write to <jane@x.org> or see <https://x.org>, <b>now</b>';
    expect(withoutInlineHtml(text)).toBe(text);
  });
});

describe('front matter without a title', () => {
  it('blanks a static site\'s keys and keeps the line count', () => {
    const text = '---\nlayout: importantdates\n---\nBody';
    expect(withoutFrontMatter(text)).toBe('\n\n\nBody');
    expect(withoutFrontMatter(text).split('\n')).toHaveLength(text.split('\n').length);
  });

  it('keeps a rule-framed block that is the call\'s own fields', () => {
    const text = '---\nDeadline: 1 May 2026\n---\nBody';
    expect(withoutFrontMatter(text)).toBe(text);
  });
});

describe('parseCfp on a markdown page with HTML in it', () => {
  it('reads the title and the <li> topics', () => {
    const text = '---\nlayout: importantdates\n---\n\n<b style="font-size: 22px">Call for Papers for a Special Issue on Soil and Society: Ethics in Soil</b>\n\nSoil matters to everyone and we invite papers on it.\n\nTopics of interest include:\n\n<ul>\n  <li>Soil carbon</li>\n  <li>Soil ethics</li>\n</ul>\n';
    const call = parseCfp(text);
    expect(call.title).toBe('Soil and Society: Ethics in Soil');
    expect(call.topics).toEqual(['Soil carbon', 'Soil ethics']);
  });
});
