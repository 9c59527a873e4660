import { describe, expect, it } from 'vitest';
import { compareIso, findDates, parseDate } from './dates.js';
import { checkDateOrder, dateFieldOf, parseDateLine } from './schedule.js';
import { cleanTopic } from './topics.js';
import { looksLikeName } from './names.js';
import { slugify } from './slug.js';
import { mergeCurated } from './load-bundled.js';
import { parseCfp } from './parse.js';
import { isCfpError } from '../errors.js';
import { fixtureText } from '../../../tests/fixtures/cfp/load.js';

describe('parseDate', () => {
  it.each([
    ['1 September 2025', '2025-09-01'],
    ['1st of September, 2025', '2025-09-01'],
    ['April 15, 2025', '2025-04-15'],
    ['December 15, 2024', '2024-12-15'],
    ['Sept. 30th, 2025', '2025-09-30'],
    ['2025-04-15', '2025-04-15'],
    ['15/04/2025', '2025-04-15'],
    ['04/15/2025', '2025-04-15'],
    ['31.07.2025', '2025-07-31'],
    ['March 2026', '2026-03'],
    ['Nov 2025', '2025-11'],
  ])('%s -> %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('rejects impossible dates', () => {
    expect(parseDate('31 February 2025')).toBeUndefined();
    expect(parseDate('2025-13-01')).toBeUndefined();
    expect(parseDate('no date here')).toBeUndefined();
  });

  it('finds several dates in reading order without reading a day-month-year as month-year', () => {
    expect(findDates('extended from 1 May 2025 to June 2025').map((d) => d.iso)).toEqual(['2025-05-01', '2025-06']);
  });

  it('compares month-only dates at month granularity', () => {
    expect(compareIso('2026-03', '2026-03-31')).toBe(0);
    expect(compareIso('2026-02', '2026-03-01')).toBe(-1);
  });
});

describe('date labels', () => {
  it.each([
    ['Submissions Deadline', 'submission_deadline'],
    ['Manuscript submission deadline', 'submission_deadline'],
    ['Initial Decision Notification', 'first_decision'],
    ['First Review Due', 'first_decision'],
    ['The first round of Notification', 'first_decision'],
    ['Revision Due', 'revision'],
    ['Revision Submission Deadline', 'revision'],
    ['The first round of Revision', 'revision'],
    ['Second Review Due/Notification', 'final_decision'],
    ['Final Decision Notification', 'final_decision'],
    ['Final Manuscript Due', 'final_manuscript'],
    ['Camera ready', 'final_manuscript'],
    ['Publication Date', 'publication'],
  ])('%s -> %s', (label, field) => {
    expect(dateFieldOf(label)).toBe(field);
  });

  it('takes the last date on a line with an extended deadline', () => {
    expect(parseDateLine('Submission Deadline: 1 May 2025 (extended to 1 June 2025)', 0)?.iso).toBe('2025-06-01');
  });

  it('does not read a prose sentence as a date line', () => {
    expect(parseDateLine('We also rely on machine learning: it changed in 2024 a lot', 0)).toBeUndefined();
  });

  it('warns once per out-of-order date and suggests a year only when it fixes the order', () => {
    const w = checkDateOrder([
      { field: 'submission_deadline', label: 'Submission', iso: '2025-04-15', line: 0 },
      { field: 'first_decision', label: 'First', iso: '2025-03-01', line: 1 },
      { field: 'revision', label: 'Revision', iso: '2025-05-01', line: 2 },
    ]);
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('first_decision');
    expect(w[0]).not.toContain('probably');
  });
});

describe('small helpers', () => {
  it('cleans topic punctuation', () => {
    expect(cleanTopic('Edge AI;')).toBe('Edge AI');
    expect(cleanTopic('Edge AI, and')).toBe('Edge AI');
    expect(cleanTopic('  LAMs for IoE.  ')).toBe('LAMs for IoE');
  });

  it('tells names from prose and affiliations', () => {
    expect(looksLikeName('Tony Q.S. Quek')).toBe(true);
    expect(looksLikeName('Prof. Ludwig van Beethoven')).toBe(true);
    expect(looksLikeName('Hunan Normal University')).toBe(false);
    expect(looksLikeName('Generative artificial intelligence (AI)')).toBe(false);
  });

  it('slugifies titles into valid call ids', () => {
    expect(slugify('Symbiotic Internet-of-Things for Giant AI in the 6G Era')).toBe('symbiotic-internet-of-things-for-giant-ai-in-the-6g-era');
    expect(slugify('Réseaux à Haute Vitesse')).toBe('reseaux-a-haute-vitesse');
    expect(slugify('生成式人工智能')).toMatch(/^call-[0-9a-f]{8}$/);
    expect(slugify('word '.repeat(60)).length).toBeLessThanOrEqual(80);
  });
});

describe('mergeCurated', () => {
  const parsed = parseCfp('## Special Issue on Edge AI\n\nThis issue studies edge AI systems in depth.\n\nSubmission deadline: 1 May 2025\nPublication: 1 June 2025\n');

  it('lets curated fields win and merges dates key by key', () => {
    const merged = mergeCurated(parsed, { id: 'edge-ai', venue: 'IEEE Network', dates: { publication: '2025-09' } });
    expect(merged.id).toBe('edge-ai');
    expect(merged.venue).toBe('IEEE Network');
    expect(merged.dates).toEqual({ submission_deadline: '2025-05-01', publication: '2025-09' });
    expect(merged.title).toBe('Edge AI');
  });

  it('throws BAD_CFP with the failing field for an invalid curated value', () => {
    try {
      mergeCurated(parsed, { id: 'bad id!' });
      expect.unreachable();
    } catch (err) {
      expect(isCfpError(err) && err.code).toBe('BAD_CFP');
      expect(isCfpError(err) && err.fields?.[0]?.path).toBe('id');
    }
  });
});

describe('fixture: Title: line, numbered topics, Elsevier venue', () => {
  const call = parseCfp(fixtureText('numbered-title.txt'));

  it('reads title, venue and publisher from field lines', () => {
    expect(call.title).toBe('Quantum Networking for the Post-5G Internet');
    expect(call.id).toBe('quantum-networking-for-the-post-5g-internet');
    expect(call.venue).toBe('Computer Networks');
    expect(call.publisher).toBe('Elsevier');
  });

  it('reads "1." and "1)" topics, joining a wrapped line', () => {
    expect(call.topics).toEqual([
      'Entanglement routing and swapping protocols',
      'Quantum key distribution over metropolitan networks',
      'Resource allocation for quantum repeaters across heterogeneous links',
      'Hybrid classical-quantum network architectures',
    ]);
  });

  it('reads ISO, day-first slash and dotted dates under a plain heading', () => {
    expect(call.dates).toEqual({
      submission_deadline: '2025-04-15',
      first_decision: '2025-06-15',
      revision: '2025-07-31',
      final_decision: '2025-09-30',
      publication: '2025-12',
    });
    expect(call.warnings).toEqual([]);
  });

  it('reads editors with a title prefix, a bare email and a trailing lead marker', () => {
    expect(call.guest_editors).toEqual([
      { name: 'Alice Martin', affiliation: 'Delft University of Technology, Netherlands', email: 'alice.martin@tudelft.example', lead: true },
      { name: "Bob O'Neil", affiliation: 'University College Cork, Ireland', email: 'b.oneil@ucc.example' },
    ]);
  });

  it('reads bare URLs and the rules stated in prose', () => {
    expect(call.submission_url).toBe('https://www.editorialmanager.com/comnet/default.aspx');
    expect(call.guidelines_url).toBe('https://www.elsevier.com/journals/computer-networks/guide-for-authors');
    expect(call.rules.abstract_max_words).toBe(200);
    expect(call.rules.keywords_max).toBe(6);
    expect(call.rules.keywords_min).toBeUndefined();
    expect(call.rules.file_formats).toEqual(['doc', 'pdf']);
  });
});

describe('fixture: bold headings, • bullets with a nested item, year-less dates', () => {
  const call = parseCfp(fixtureText('bullets-variety.txt'));

  it('reads the title from a bold "Call for Papers:" line', () => {
    expect(call.title).toBe('Trustworthy Federated Learning at the Edge');
  });

  it('folds a nested bullet into its parent topic', () => {
    expect(call.topics).toEqual([
      'Byzantine-robust aggregation',
      'Differential privacy for on-device training: with formal guarantees',
      'Fairness across heterogeneous clients',
    ]);
  });

  it('gives year-less dates the year of the schedule and warns', () => {
    expect(call.dates).toEqual({ submission_deadline: '2026-03-01', first_decision: '2026-05-15', final_manuscript: '2026-06-10' });
    expect(call.warnings.filter((w) => w.includes('no year'))).toHaveLength(2);
  });

  it('reads name-then-affiliation editor blocks with an email line', () => {
    expect(call.guest_editors).toEqual([
      { name: 'Carla Souza', affiliation: 'Universidade de São Paulo, Brazil', email: 'carla.souza@usp.example', lead: true },
      { name: 'Deepak Rao', affiliation: 'Indian Institute of Science, India' },
    ]);
  });

  it('uses `now` for the year when no date in the schedule has one', () => {
    const c = parseCfp('# Special Issue on X Systems\n\nWe invite papers on X systems of all kinds.\n\nSubmission deadline: 1 March\n', { now: '2027-01-10' });
    expect(c.dates.submission_deadline).toBe('2027-03-01');
  });
});

describe('mergeCurated and the parser\'s "not found" warnings', () => {
  const parsed = parseCfp('Soil and Society\n\nWe invite papers on soils and the societies that depend on them.\n');

  it('drops the warning of a field the curated values set, and keeps the others', () => {
    expect(parsed.warnings).toEqual(expect.arrayContaining(['no submission deadline found', 'no journal (venue) found']));
    const merged = mergeCurated(parsed, { venue: 'Soil Letters' });
    expect(merged.warnings).not.toContain('no journal (venue) found');
    expect(merged.warnings).toContain('no submission deadline found');
    expect(mergeCurated(parsed, { dates: { submission_deadline: '2026-05-01' } }).warnings).not.toContain('no submission deadline found');
  });

  it('keeps curated warnings as given', () => {
    expect(mergeCurated(parsed, { venue: 'Soil Letters', warnings: ['checked by hand'] }).warnings).toEqual(['checked by hand']);
  });
});
