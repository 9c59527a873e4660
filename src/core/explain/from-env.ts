import type { Logger } from '../log.js';
import { createExplainer, type Explainer } from './explainer.js';
import { createOpenAiChatModel } from './openai-model.js';

/** The settings that switch the LLM on; the explainer is off unless LLM_BASE_URL and LLM_MODEL are both set. */
export interface LlmEnv {
  LLM_BASE_URL?: string;
  LLM_API_KEY?: string;
  LLM_MODEL?: string;
  /** Per-explanation budget in ms (default 20000). */
  LLM_TIMEOUT_MS?: string;
}

/**
 * An explainer from environment variables (Node's `process.env` or a Worker's `env`), or undefined when not configured.
 *
 * @example
 * const explainer = explainerFromEnv(process.env, log); // undefined without LLM_BASE_URL / LLM_MODEL
 */
export function explainerFromEnv(env: LlmEnv, log?: Logger): Explainer | undefined {
  const baseUrl = env.LLM_BASE_URL?.trim();
  const model = env.LLM_MODEL?.trim();
  if (!baseUrl || !model) return undefined;
  const timeout = Number(env.LLM_TIMEOUT_MS);
  return createExplainer({
    model: createOpenAiChatModel({ baseUrl, model, ...(env.LLM_API_KEY ? { apiKey: env.LLM_API_KEY } : {}) }),
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
    ...(log ? { log } : {}),
  });
}
