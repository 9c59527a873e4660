/**
 * The OpenAI-compatible chat model (OpenAI, vLLM, llama.cpp server, Ollama's
 * /v1, LiteLLM...). Fetch-based, so it runs on Node and Workers alike.
 */
import { ChatOpenAI } from '@langchain/openai';

export interface OpenAiChatModelOptions {
  /** e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  /** Servers without auth accept any string; default `unused`. */
  apiKey?: string;
  model: string;
  temperature?: number;
}

/**
 * A ChatOpenAI with retries switched off: the explainer retries with its own
 * backoff and deadline, so one failure policy covers every model.
 *
 * @example
 * const model = createOpenAiChatModel({ baseUrl: 'http://127.0.0.1:8000/v1', model: 'qwen2.5-7b-instruct' });
 */
export function createOpenAiChatModel(opts: OpenAiChatModelOptions): ChatOpenAI {
  return new ChatOpenAI({
    model: opts.model,
    apiKey: opts.apiKey || 'unused',
    temperature: opts.temperature ?? 0,
    maxRetries: 0,
    configuration: { baseURL: opts.baseUrl, maxRetries: 0 },
  });
}
