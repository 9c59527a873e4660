/**
 * The papers of a call as operations on a matcher: add (deduplicated, capped), list, remove. Each
 * change is one read-modify-write of the call in the matcher's mutation queue, so the store and
 * the index change together and only the new papers are embedded (their passages are content-addressed).
 */
import type { Matcher } from '../matcher.js';
import { mergeExemplars, withoutExemplars } from './exemplars.js';
import type { AddPapersResult, ExemplarSource, PaperList, ValidExemplarInput } from './schema.js';

/**
 * Add validated papers to a call (UNKNOWN_CALL for an unknown call; VALIDATION over the cap, with nothing stored).
 *
 * @example
 * const r = await addPapers(matcher, 'ieee-network-lam-ioe', [{ title: 'T', abstract: 'A', keywords: [] }]);
 * r.added // 1
 */
export async function addPapers(matcher: Matcher, callId: string, papers: readonly ValidExemplarInput[], source: ExemplarSource = 'manual'): Promise<AddPapersResult> {
  let result: AddPapersResult | undefined;
  await matcher.update(callId, (call) => {
    const merged = mergeExemplars(call.papers ?? [], papers, source);
    result = { call_id: call.id, added: merged.added, duplicates: merged.duplicates, total: merged.papers.length, ids: merged.ids };
    return { ...call, papers: merged.papers };
  });
  return result as AddPapersResult;
}

/**
 * The papers of a call, without their abstracts (UNKNOWN_CALL for an unknown call).
 *
 * @example
 * listPapers(matcher, 'ieee-network-lam-ioe').papers.map((p) => p.title)
 */
export function listPapers(matcher: Matcher, callId: string): PaperList {
  const call = matcher.getCall(callId);
  return {
    call_id: call.id,
    papers: (call.papers ?? []).map((p) => ({ id: p.id, title: p.title, ...(p.doi ? { doi: p.doi } : {}), ...(p.url ? { url: p.url } : {}), source: p.source })),
  };
}

/**
 * Remove the given papers of a call, or all of them when `ids` is undefined (NOT_FOUND for an id the call does not hold).
 *
 * @example
 * await removePapers(matcher, 'ieee-network-lam-ioe', ['p0123456789ab']);
 */
export async function removePapers(matcher: Matcher, callId: string, ids?: readonly string[]): Promise<{ call_id: string; removed: number; total: number }> {
  let removed = 0;
  const call = await matcher.update(callId, (c) => {
    const before = c.papers ?? [];
    const after = ids ? withoutExemplars(before, ids) : [];
    removed = before.length - after.length;
    const { papers: _drop, ...rest } = c;
    return after.length ? { ...rest, papers: after } : rest;
  });
  return { call_id: call.id, removed, total: call.papers?.length ?? 0 };
}
