/** The LLM explainer and LLM-assisted CFP extraction (optional; off unless a model is configured). */
export { createExplainer, toExplanation, type Explainer, type ExplainerOptions, type ExplainCallOptions } from './explainer.js';
export { createOpenAiChatModel, type OpenAiChatModelOptions } from './openai-model.js';
export { explainOne, explainRanking, prepareExplain, EXPLAIN_TOP, NOT_CONFIGURED, type ExplainedCall, type ExplainedRanking } from './explain-ranking.js';
export { evidenceFor, evidenceOf } from './evidence.js';
export { extractCallWithLlm, compareCalls, type Extraction, type Disagreement, type ExtractOptions } from './extract-call.js';
export { ExplainEvidence, Explanation, ExplainRequest, ExplanationError, ModelExplanation } from './schema.js';
export { explainerFromEnv, type LlmEnv } from './from-env.js';
