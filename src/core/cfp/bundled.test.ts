import { describe, expect, it } from 'vitest';
import { Call } from '../schema.js';
import { parseCfp } from './parse.js';
import { mergeCurated } from './load-bundled.js';
import { BUNDLED_IDS, bundledJson, bundledText } from '../../../tests/fixtures/cfp/load.js';

const parse = (id: string) => parseCfp(bundledText(id), { id });

describe('bundled CFP 000: IEEE Network, Large AI Models for the IoE', () => {
  const call = parse('ieee-network-lam-ioe');

  it('synthesises a title from the aims sentence and says so', () => {
    expect(call.id).toBe('ieee-network-lam-ioe');
    expect(call.title).toContain('Large AI Models');
    expect(call.title).toContain('Internet of Everything');
    expect(call.warnings.some((w) => w.includes('synthesised'))).toBe(true);
  });

  it('infers venue and publisher from the ComSoc and Atypon links', () => {
    expect(call.venue).toBe('IEEE Network');
    expect(call.publisher).toBe('IEEE ComSoc');
    expect(call.submission_url).toBe('https://ieee.atyponrex.com/journal/network-ieee');
    expect(call.guidelines_url).toBe('https://www.comsoc.org/publications/magazines/ieee-network/paper-submission-guidelines');
  });

  it('reads the 13 star-bullet topics without trailing dots', () => {
    expect(call.topics).toHaveLength(13);
    expect(call.topics[0]).toBe('LAMs for intelligent data compression and transmission technologies in IoE');
    expect(call.topics.at(-1)).toBe('LAM-driven anomaly/intrusion detection for IoE');
  });

  it('keeps the three prose paragraphs as scope, and nothing after the list', () => {
    expect(call.scope.split('\n\n')).toHaveLength(3);
    expect(call.scope.startsWith('The Internet of Everything (IoE) integrates')).toBe(true);
    expect(call.scope).not.toContain('Submission Guidelines');
    expect(call.scope).not.toContain('LAMs for intelligent data compression');
  });

  it('reads every bold-labelled date, including the month-only publication date', () => {
    expect(call.dates).toEqual({
      submission_deadline: '2025-09-01',
      first_decision: '2025-11-01',
      revision: '2025-12-01',
      final_decision: '2026-01-01',
      final_manuscript: '2026-01-15',
      publication: '2026-03',
    });
  });

  it('reads linked editors with the affiliation on the next line and the lead flag', () => {
    expect(call.guest_editors).toEqual([
      { name: 'Feibo Jiang', affiliation: 'Hunan Normal University, China', email: 'jiangfb@hunnu.edu.cn', lead: true },
      { name: 'Kezhi Wang', affiliation: 'Brunel University London, UK', email: 'Kezhi.Wang@brunel.ac.uk' },
      { name: 'Xingqin Lin', affiliation: 'NVIDIA, USA', email: 'linxingqin2008@gmail.com' },
      { name: 'Merouane Debbah', affiliation: 'Khalifa University of Science and Technology, UAE', email: 'merouane.debbah@ku.ac.ae' },
      { name: 'Zhu Han', affiliation: 'University of Houston, USA', email: 'zhan2@uh.edu' },
    ]);
  });

  it('has no counted rules, only the two requirement sentences as notes', () => {
    expect(call.rules.abstract_max_words).toBeUndefined();
    expect(call.rules.notes).toHaveLength(2);
    expect(call.rules.notes?.[0]).toMatch(/^Manuscripts should conform/);
  });
});

describe('bundled CFP 001: IEEE IoT Journal, Symbiotic IoT for Giant AI', () => {
  const call = parse('ieee-iotj-symbiotic-iot-giant-ai');

  it('takes the title and venue from the "X Special Issue: Y" heading', () => {
    expect(call.title).toBe('Symbiotic Internet-of-Things for Giant AI in the 6G Era');
    expect(call.venue).toBe('IEEE Internet of Things Journal');
    expect(call.publisher).toBe('IEEE');
  });

  it('reads the 8 dash-bullet topics', () => {
    expect(call.topics).toHaveLength(8);
    expect(call.topics[0]).toBe('Design and Optimization of Distributed Architectures for Symbiotic IoT');
    expect(call.topics.at(-1)).toBe('Blockchain for symbiotic IoT empowered by giant AI');
  });

  it('keeps the contradictory 2024 date and warns, naming both fields and dates', () => {
    expect(call.dates).toEqual({
      submission_deadline: '2025-04-15',
      first_decision: '2025-05-31',
      revision: '2025-06-30',
      final_decision: '2024-07-31',
      final_manuscript: '2025-08-31',
      publication: '2025-11',
    });
    expect(call.warnings).toHaveLength(1);
    const w = call.warnings[0] ?? '';
    for (const part of ['final_decision', 'Second Review Due/Notification', '2024-07-31', 'submission_deadline', '2025-04-15', '2025-07-31']) {
      expect(w).toContain(part);
    }
  });

  it('reads "Name, Affiliation, email" editor lines', () => {
    expect(call.guest_editors).toEqual([
      { name: 'Peng Li', affiliation: 'The University of Aizu, Japan', email: 'pengli@u-aizu.ac.jp' },
      { name: 'Francesco Flammini', affiliation: 'University of Applied Sciences and Arts of Southern Switzerland', email: 'francesco.flammini@supsi.ch' },
      { name: 'Jing Deng', affiliation: 'University of North Carolina at Greensboro, USA', email: 'jing.deng@uncg.edu' },
      { name: 'Song Guo', affiliation: 'Hong Kong University of Science and Technology, Hong Kong', email: 'songguo@cse.ust.hk' },
      { name: 'Giancarlo Fortino', affiliation: 'University of Calabria', email: 'giancarlo.fortino@unical.it' },
    ]);
  });

  it('finds the Manuscript Central portal and the guidelines page in angle-bracket links', () => {
    expect(call.submission_url).toBe('http://mc.manuscriptcentral.com/iot');
    expect(call.guidelines_url).toBe('http://iee-iotj.org/guidelines-for-authors/');
  });

  it('ends the scope at the topic list', () => {
    expect(call.scope.split('\n\n')).toHaveLength(3);
    expect(call.scope).toMatch(/following topics, but not limited to:$/);
  });
});

describe('bundled CFP 002: China Communications, 6G edge intelligence and generative AI', () => {
  const call = parse('china-comms-6g-edge-genai');

  it('finds the quoted feature-topic title inside the prose', () => {
    expect(call.title).toBe('Convergence of 6G empowered Edge Intelligence and Generative AI: Theories, Algorithms, and Applications');
    expect(call.warnings).toEqual([]);
  });

  it('infers China Communications from the chinacomm Manuscript Central link', () => {
    expect(call.venue).toBe('China Communications');
    expect(call.publisher).toBe('China Institute of Communications and IEEE ComSoc');
    expect(call.submission_url).toBe('http://mc03.manuscriptcentral.com/chinacomm');
    expect(call.guidelines_url).toBeUndefined();
  });

  it('reads the 10 ●-bullet topics and not the requirement bullets', () => {
    expect(call.topics).toHaveLength(10);
    expect(call.topics[0]).toBe('Distributed training/finetuning/inference algorithms of generative AI for 6G-empowered edge intelligence');
    expect(call.topics.at(-1)).toBe('Standards, prototypes, and applications for the convergence of generative AI and 6G-empowered edge intelligence');
    expect(call.topics.some((t) => /keywords|abstract/.test(t))).toBe(false);
  });

  it('reads unheaded date lines', () => {
    expect(call.dates).toEqual({
      submission_deadline: '2024-12-15',
      first_decision: '2025-02-20',
      revision: '2025-03-25',
      final_decision: '2025-04-30',
      final_manuscript: '2025-05-25',
      publication: '2025-07-15',
    });
  });

  it('reads the bare "Name, Affiliation, Country" editor lines after the dates', () => {
    expect(call.guest_editors.map((e) => [e.name, e.affiliation])).toEqual([
      ['Yuan Wu', 'University of Macau, China'],
      ['Dusit Niyato', 'Nanyang Technological University, Singapore'],
      ['Shuguang Cui', 'The Chinese University of Hong Kong (Shenzhen), China'],
      ['Lian Zhao', 'Toronto Metropolitan University, Canada'],
      ['Tony Q.S. Quek', 'Singapore University of Technology and Design, Singapore'],
      ['Yan Zhang', 'University of Oslo, Norway'],
      ['Liping Qian', 'Zhejiang University of Technology, China'],
      ['Rongpeng Li', 'Zhejiang University, China'],
    ]);
    expect(call.guest_editors.every((e) => e.email === undefined && e.lead === undefined)).toBe(true);
  });

  it('reads the abstract, keyword and file-format rules, and keeps the other requirements as notes', () => {
    expect(call.rules.abstract_max_words).toBe(150);
    expect(call.rules.keywords_min).toBe(3);
    expect(call.rules.keywords_max).toBe(8);
    expect(call.rules.file_formats).toEqual(['doc', 'pdf']);
    const notes = call.rules.notes ?? [];
    expect(notes).toContain('brief biographies of authors (50-75 words)');
    expect(notes).toContain('contact information, including email and mailing addresses');
    expect(notes.some((n) => n.includes('manuscript type'))).toBe(true);
    expect(notes.some((n) => /abstract of no more than|3-8 keywords/.test(n))).toBe(false);
  });

  it('keeps editors and submission text out of the scope', () => {
    expect(call.scope.split('\n\n')).toHaveLength(3);
    expect(call.scope).not.toContain('Yuan Wu');
    expect(call.scope).not.toContain('manuscriptcentral');
  });
});

describe('curated JSON of the bundled calls', () => {
  for (const id of BUNDLED_IDS) {
    describe(id, () => {
      const curated = Call.parse(bundledJson(id));
      const parsed = parse(id);

      it('is a valid Call with the file id, a venue, a publisher and no source_text', () => {
        expect(curated.id).toBe(id);
        expect(curated.venue).toBeTruthy();
        expect(curated.publisher).toBeTruthy();
        expect(curated.source_text).toBeUndefined();
        expect(curated.submission_url).toMatch(/^https?:\/\//);
      });

      it('agrees with the parser on topics, dates, editors and rules', () => {
        expect(curated.topics).toEqual(parsed.topics);
        expect(curated.dates).toEqual(parsed.dates);
        expect(curated.guest_editors).toEqual(parsed.guest_editors);
        expect(curated.rules).toEqual(parsed.rules);
      });

      it('keeps the parsed source text and the curated title when merged', () => {
        const merged = mergeCurated(parsed, curated);
        expect(merged.title).toBe(curated.title);
        expect(merged.source_text).toBe(bundledText(id));
      });
    });
  }

  it('keeps the 001 date contradiction as a curated warning', () => {
    const curated = Call.parse(bundledJson('ieee-iotj-symbiotic-iot-giant-ai'));
    expect(curated.warnings.join(' ')).toContain('2024-07-31');
  });
});
