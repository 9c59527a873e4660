import { describe, expect, it } from 'vitest';
import { isFurnitureTitle } from './title-sanity.js';
import { parseCfp } from './parse.js';

describe('isFurnitureTitle', () => {
  it.each([
    'Search',
    '| |||||||||||||||',
    'LINGUIST List 23.2944',
    'of Papers',
    'Special Call for Papers',
    'Virtual Special Issue',
    'Plant Production Science Special Issue Call for Papers',
    'Special Issue of the Czech Journal of Political Science',
    'Editors: Maika J. Yeigh, Portland State University and Richard D. Sawyer',
    'Thu Jul 05 2012',
    'We would like to invite all attendees to submit their manuscripts',
  ])('refuses page or mail furniture: %s', (t) => {
    expect(isFurnitureTitle(t)).toBe(true);
  });

  it.each([
    'Soil Carbon Special Issue',
    'IWBDA 2023',
    'splinter',
    'loneliness and belonging',
    'The 2020 general election in Slovakia',
    'Intersecting Global Crises and Tensions between Nations: Charting the Future of the Tourism & Hospitality Industry through Politics, Peace, and Prosperity',
    '5G and Beyond',
  ])('keeps a real title: %s', (t) => {
    expect(isFurnitureTitle(t)).toBe(false);
  });
});

describe('titles past the furniture', () => {
  it('takes the next line when the first is a mailing-list header and a date', () => {
    const call = parseCfp('SOIL List 23.2944\n\nThu Jul 05 2012\n\nSoil Carbon in Drylands\n\nWe invite papers on soil carbon in drylands and its measurement.');
    expect(call.title).toBe('Soil Carbon in Drylands');
  });

  it('reads the announcement after a posting date and skips a table\'s pipes', () => {
    const call = parseCfp('| |||||||\n\n7.11.2019/ Call for papers: Soil Carbon in Drylands\n\nWe invite papers on soil carbon in drylands and its measurement.');
    expect(call.title).toBe('Soil Carbon in Drylands');
  });
});
