/**
 * createExplainer: turns ranker evidence into a grounded explanation with a
 * chat model. Output is validated with zod, quotes are checked against the
 * draft, identical requests come from a bounded LRU cache, and every failure
 * is a coded error (LLM_UNAVAILABLE, LLM_BAD_OUTPUT). The explainer never sees
 * or changes a score: it only reads the evidence.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import type { Draft } from '../schema.js';
import { citationChecker } from './citations.js';
import { sha256Hex } from '../text/hash.js';
import { createLru } from './lru.js';
import { explainMessages } from './prompt.js';
import { withResilience, type ResilienceOptions } from './resilience.js';
import { ModelExplanation, type ExplainEvidence, type Explanation } from './schema.js';

export interface ExplainerOptions {
  model: BaseChatModel;
  /** Budget per explanation, retries included (default 20 000 ms). */
  timeoutMs?: number;
  /** Retries after 429, 5xx or a connection failure (default 2). */
  retries?: number;
  /** First backoff delay in ms (default 500). */
  backoffMs?: number;
  /** Explanations kept in the LRU cache (default 200; 0 disables it). */
  cacheSize?: number;
  log?: Logger;
}

export interface ExplainCallOptions {
  /** Receives the model's raw text as it streams (only when set is the model streamed). */
  onToken?: (token: string) => void;
  onRetry?: ResilienceOptions['onRetry'];
}

export interface Explainer {
  /** Model name, for responses and logs. */
  readonly modelName: string;
  readonly model: BaseChatModel;
  readonly resilience: Omit<ResilienceOptions, 'onRetry'>;
  explain(draft: Draft, evidence: ExplainEvidence, opts?: ExplainCallOptions): Promise<Explanation>;
}

const MAX_TEXT = 1_200;
const cap = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/**
 * @example
 * const explainer = createExplainer({ model: createOpenAiChatModel({ baseUrl, apiKey, model: 'gpt-4o-mini' }) });
 * const [evidence] = await evidenceFor(matcher, draft, [callId]);
 * const explanation = await explainer.explain(draft, evidence);
 */
export function createExplainer(opts: ExplainerOptions): Explainer {
  const log = opts.log ?? silentLogger;
  const resilience = { timeoutMs: opts.timeoutMs ?? 20_000, retries: opts.retries ?? 2, backoffMs: opts.backoffMs ?? 500 };
  const cache = createLru<Explanation>(opts.cacheSize ?? 200);
  const modelName = modelNameOf(opts.model);
  const structured = opts.model.withStructuredOutput(ModelExplanation, { name: 'explanation' });

  return {
    modelName,
    model: opts.model,
    resilience,
    async explain(draft, evidence, call = {}) {
      const key = await sha256Hex(JSON.stringify({ m: modelName, c: evidence.call.id, d: draft, e: evidence }));
      const hit = cache.get(key);
      if (hit) {
        log('explain.cache_hit', { call_id: evidence.call.id });
        return { ...hit, cached: true };
      }
      const t0 = Date.now();
      const messages = explainMessages(draft, evidence);
      const raw = await withResilience(async (signal) => {
        const callbacks = call.onToken ? [{ handleLLMNewToken: (t: string) => call.onToken?.(t) }] : undefined;
        if (!call.onToken) return structured.invoke(messages, { signal });
        let last: unknown;
        for await (const chunk of await structured.stream(messages, { signal, ...(callbacks ? { callbacks } : {}) })) last = chunk;
        return last;
      }, { ...resilience, ...(call.onRetry ? { onRetry: call.onRetry } : {}) });
      const explanation = toExplanation(raw, draft, evidence, modelName);
      // Ids, counts and timings only: drafts are confidential.
      log('explain.done', { call_id: evidence.call.id, ms: Date.now() - t0, topics: explanation.topics.length, unverified_quotes: explanation.unverified_quotes });
      cache.set(key, explanation);
      return explanation;
    },
  };
}

/** Validate the model's answer and keep only what the evidence and the draft support. */
export function toExplanation(raw: unknown, draft: Draft, evidence: ExplainEvidence, modelName: string): Explanation {
  const parsed = ModelExplanation.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(root)').join(', ');
    throw createError('LLM_BAD_OUTPUT', `the model's answer does not match the explanation schema (at ${where})`);
  }
  const out = parsed.data;
  const verify = citationChecker(draft);
  const matched = new Set(evidence.matched_topics.map((t) => t.topic));
  const gapTopics = new Set(evidence.gaps.map((g) => g.topic));
  let unverified = 0;
  const topics = out.topics
    .filter((t) => matched.has(t.topic))
    .map((t) => {
      const ok = t.quote.trim().length > 0 && verify(t.quote);
      if (!ok && t.quote.trim().length > 0) unverified++;
      return { topic: t.topic, rationale: cap(t.rationale), ...(ok ? { quote: cap(t.quote) } : {}), quote_verified: ok };
    });
  return {
    call_id: evidence.call.id,
    verdict: cap(out.verdict),
    topics,
    gaps: out.gaps.filter((g) => gapTopics.has(g.topic)).map((g) => ({ topic: g.topic, note: cap(g.note) })),
    suggestions: out.suggestions.map(cap).slice(0, 8),
    unverified_quotes: unverified,
    model: modelName,
    cached: false,
  };
}

function modelNameOf(model: BaseChatModel): string {
  const m = model as unknown as { model?: unknown; modelName?: unknown };
  if (typeof m.model === 'string') return m.model;
  if (typeof m.modelName === 'string') return m.modelName;
  return model._llmType();
}
