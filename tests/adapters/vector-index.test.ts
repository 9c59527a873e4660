import { createHnswIndex } from '../../src/adapters/node/hnsw-index.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { testVectorIndex } from '../contracts/vector-index.js';

testVectorIndex(
  'flat',
  (dims) => createFlatIndex({ dimensions: dims }),
  (raw) => createFlatIndex({ dimensions: raw.dimensions }, raw),
);

// A small initial capacity makes the contract exercise auto-resize too.
testVectorIndex(
  'hnsw',
  (dims) => createHnswIndex({ dimensions: dims, initialCapacity: 8 }),
  (raw) => createHnswIndex({ dimensions: raw.dimensions, raw }),
  { savesToFile: true },
);
