import { createMemoryStore } from '../../src/core/memory-store.js';
import { testCallStore } from '../contracts/call-store.js';

testCallStore('memory', () => createMemoryStore());
