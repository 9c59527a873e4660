import { createMemoryFeedbackStore } from '../../src/core/feedback/memory-store.js';
import { testFeedbackStore } from '../contracts/feedback-store.js';

testFeedbackStore('memory', () => createMemoryFeedbackStore());
