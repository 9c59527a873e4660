import { describe, expect, it } from 'vitest';
import { withoutFrontMatter } from './front-matter.js';
import { parseCfp } from './parse.js';
import { fromSpecial } from './title-parts.js';

describe('static-site front matter', () => {
  it('keeps only the title line, and as many lines as before', () => {
    const text = '---\n# Documentation: https://example.org/docs\ntitle: "Soil"\ndate: 2027-01-01\nimage:\n  caption: ""\n---\nBody';
    const out = withoutFrontMatter(text);
    expect(out).toBe('\n\ntitle: Soil\n\n\n\n\nBody');
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('leaves text that only starts with a rule alone', () => {
    expect(withoutFrontMatter('---\nWe invite papers on soil.\n---\nBody')).toBe('---\nWe invite papers on soil.\n---\nBody');
  });

  it('reads past a generic front-matter title to the call heading, with a markdown "---" dash', () => {
    const call = parseCfp('---\n# Documentation: https://example.org/docs\ntitle: "Call for papers for a special issue (until June 2027)"\ndate: 2027-06-17\n---\n\nWe announce a new special issue on soil.\n\nFor the list of the ongoing special issues in the journal, click [here](https://example.org/si).\n\n## Call for papers --- Sustainable Soil Analytics\n\nSoil matters, and this issue is about it.');
    expect(call.title).toBe('Sustainable Soil Analytics');
  });

  it('does not read "X special issues in the journal, click here" as a title', () => {
    expect(fromSpecial('For the list of the ongoing special issues in the journal, click here.')).toBeUndefined();
  });
});
