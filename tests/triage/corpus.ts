/** Three calls with distinct vocabularies and a matcher over them, for triage tests. */
import { createFlatIndex } from '../../src/core/flat-index.js';
import { createMatcher, type Matcher } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import type { Calibration } from '../../src/core/rank/calibration.js';
import { Call, type CallInput } from '../../src/core/schema.js';
import { createFakeEmbedder, FAKE_DIMENSIONS } from './fake-embedder.js';

export const CALLS: CallInput[] = [
  {
    id: 'grid-gnn',
    title: 'Graph neural networks for power grids',
    scope: 'Graph learning methods for electrical power grid operation, stability and forecasting.',
    topics: ['graph neural networks for grid stability', 'load forecasting with graph learning', 'fault detection in power grids'],
  },
  {
    id: 'protein',
    title: 'Machine learning for protein folding',
    scope: 'Computational biology of protein structure prediction and folding dynamics.',
    topics: ['protein structure prediction', 'folding dynamics simulation', 'protein design'],
  },
  {
    id: 'quantum',
    title: 'Quantum computing hardware and algorithms',
    scope: 'Qubits, quantum error correction and quantum algorithms.',
    topics: ['quantum error correction codes', 'superconducting qubits', 'variational quantum algorithms'],
  },
];

export const GRID_DRAFT = {
  title: 'Graph neural networks for power grid stability',
  abstract: 'We train graph neural networks on power grid topologies. The model improves grid stability assessment and load forecasting. Fault detection in power grids also improves.',
};

export const PROTEIN_DRAFT = {
  title: 'Protein structure prediction with learned folding dynamics',
  abstract: 'We study protein structure prediction. A folding dynamics simulation refines each protein structure. Protein design benefits too.',
};

export const TEST_CALIBRATION: Calibration = { kind: 'logistic', embedder: 'fake-bow', weights: { dense: 4, coverage: 1, score: 1, bias: -3 } };

/**
 * @example
 * const matcher = await testMatcher({ grid: { triage: { in_scope: 0.9 } } });
 */
export async function testMatcher(overrides: Record<string, Partial<CallInput>> = {}): Promise<Matcher> {
  const calls = CALLS.map((c) => Call.parse({ ...c, ...(overrides[c.id] ?? {}) }));
  const matcher = createMatcher({
    embedder: createFakeEmbedder(),
    index: createFlatIndex({ dimensions: FAKE_DIMENSIONS }),
    store: createMemoryStore(calls),
    // Fixed here so these tests do not move when the shipped prior or fit is retuned; its maximum stays below 1.
    calibration: TEST_CALIBRATION,
  });
  await matcher.sync();
  return matcher;
}
