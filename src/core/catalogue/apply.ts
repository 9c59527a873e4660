/**
 * Folding imported calls into the catalogue: update the call a source already fed, merge a
 * duplicate into the call it duplicates (one call, both sources), add the rest; record deadline
 * changes; mark calls whose sources dropped them. Pure: it returns the calls to write.
 */
import { hashText } from '../text/hash.js';
import { mergeCatalogueExemplars } from '../papers/exemplars.js';
import { deadlineStatus } from '../rank/deadline.js';
import type { Call, CallSource, IsoDate } from '../schema.js';
import type { DedupeIndex } from './dedupe.js';
import type { Imported } from './types.js';

export interface NearDuplicate {
  call: string;
  other: string;
  kind: 'near' | 'edition';
  reason: string;
}

export interface ApplyOutcome {
  /** Calls to write, by id (the last version of each). */
  writes: Map<string, Call>;
  added: string[];
  updated: string[];
  merged: Array<{ id: string; url: string; reason: string }>;
  unchanged: string[];
  withdrawn: string[];
  near_duplicates: NearDuplicate[];
}

export const emptyOutcome = (): ApplyOutcome => ({ writes: new Map(), added: [], updated: [], merged: [], unchanged: [], withdrawn: [], near_duplicates: [] });

export interface ApplyContext {
  index: DedupeIndex;
  /** Now as an ISO timestamp. */
  now: string;
  /** Today as YYYY-MM-DD (decides whether a vanished call is withdrawn or simply closed). */
  today: IsoDate;
}

/** Everything but the bookkeeping that changes on every fetch: equal keys mean nothing to write. */
function stable(call: Call): string {
  const { updated_at: _u, sources, ...rest } = call;
  return JSON.stringify({ ...rest, sources: sources?.map(({ fetched_at: _f, etag: _e, last_modified: _l, content_hash: _h, ...s }) => s) });
}

const CONTENT = ['title', 'venue', 'publisher', 'scope', 'topics', 'dates', 'guest_editors', 'submission_url', 'guidelines_url', 'rules'] as const;
const contentOf = (c: Call): string => JSON.stringify(CONTENT.map((k) => c[k]));

const filled = <T>(v: T | undefined): v is T => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/** `over`'s fields where it has them, `under`'s elsewhere; dates and rules key by key. */
function overlay(over: Call, under: Call): Call {
  const out: Call = { ...under };
  for (const k of ['title', 'venue', 'publisher', 'scope', 'topics', 'guest_editors', 'submission_url', 'guidelines_url', 'source_text'] as const) {
    if (filled(over[k])) (out as Record<string, unknown>)[k] = over[k];
  }
  out.dates = { ...under.dates, ...over.dates };
  out.rules = { ...under.rules, ...over.rules };
  out.warnings = over.warnings.length ? over.warnings : under.warnings;
  return out;
}

function withSource(sources: readonly CallSource[] | undefined, source: CallSource): CallSource[] {
  const list = (sources ?? []).filter((s) => s.url !== source.url);
  const at = (sources ?? []).findIndex((s) => s.url === source.url);
  if (at < 0) return [...list, source];
  list.splice(at, 0, source);
  return list;
}

/**
 * The papers a page lists (its published articles): the first source's list replaces what an
 * earlier import of it stored, keeping papers added by hand; another source's list is taken only
 * when the call has no page papers yet. A page that lists none leaves the stored papers alone.
 */
function pagePapers(stored: Call, parsed: Call, primary: boolean): Call['papers'] {
  const listed = parsed.papers ?? [];
  if (listed.length === 0) return stored.papers;
  if (!primary && (stored.papers ?? []).some((p) => p.source === 'catalogue')) return stored.papers;
  return mergeCatalogueExemplars(stored.papers ?? [], listed).papers;
}

/** The stored call refreshed from one of its sources, or from a duplicate's source. */
function refreshed(stored: Call, parsed: Call, source: CallSource, primary: boolean, ctx: ApplyContext): Call {
  // The first source owns the content; others (a listing, a feed, a duplicate) only fill gaps,
  // so two sources never take turns overwriting each other.
  const next = primary ? overlay(parsed, stored) : overlay(stored, parsed);
  const was = stored.dates.submission_deadline;
  const now = parsed.dates.submission_deadline;
  const moved = was !== undefined && now !== undefined && was !== now && (primary || now > was);
  next.dates = { ...next.dates, ...(moved ? { submission_deadline: now } : {}) };
  const history = moved ? [...(stored.deadline_history ?? []), { deadline: was, replaced_at: ctx.now, source: source.url }] : stored.deadline_history;
  const { status: _s, papers: _p, ...rest } = next;
  const papers = pagePapers(stored, parsed, primary);
  return {
    ...rest,
    ...(papers?.length ? { papers } : {}),
    id: stored.id,
    sources: withSource(stored.sources, source),
    ...(history?.length ? { deadline_history: history } : {}),
    ...(stored.first_seen ? { first_seen: stored.first_seen } : { first_seen: ctx.now }),
    updated_at: contentOf(rest as Call) !== contentOf(stored) ? ctx.now : (stored.updated_at ?? ctx.now),
  };
}

function freeId(wanted: string, url: string, index: DedupeIndex): string {
  if (!index.get(wanted)) return wanted;
  const tagged = `${wanted.slice(0, 70)}-${hashText(url).slice(-6)}`;
  return index.get(tagged) ? `${tagged}-${hashText(`${url}#`).slice(-4)}` : tagged;
}

function record(out: ApplyOutcome, ctx: ApplyContext, before: Call | undefined, after: Call, list: 'added' | 'updated' | 'merged', extra?: { url: string; reason: string }): void {
  if (before && stable(before) === stable(after)) {
    out.unchanged.push(after.id);
    return;
  }
  out.writes.set(after.id, after);
  ctx.index.put(after);
  if (list === 'merged' && extra) out.merged.push({ id: after.id, ...extra });
  else if (list === 'added') out.added.push(after.id);
  else if (!out.updated.includes(after.id)) out.updated.push(after.id);
}

/**
 * Fold imported calls into the catalogue held by `ctx.index`.
 *
 * @example
 * const out = applyImported(result.items, { index, now: new Date().toISOString(), today: '2026-01-01' });
 * for (const call of out.writes.values()) await store.put(call);
 */
export function applyImported(items: readonly Imported[], ctx: ApplyContext, out: ApplyOutcome = emptyOutcome()): ApplyOutcome {
  for (const { call, source } of items) {
    const owner = ctx.index.withUrl(source.url)[0];
    if (owner) {
      const primary = (owner.sources?.[0]?.url ?? source.url) === source.url;
      record(out, ctx, owner, refreshed(owner, call, source, primary, ctx), 'updated');
      continue;
    }
    const verdicts = ctx.index.match(call, [source.url]);
    const same = verdicts.find((v) => v.kind === 'same');
    const target = same ? ctx.index.get(same.id) : undefined;
    if (same && target) {
      record(out, ctx, target, refreshed(target, call, source, false, ctx), 'merged', { url: source.url, reason: same.reason });
      continue;
    }
    const id = freeId(call.id, source.url, ctx.index);
    for (const v of verdicts) if (v.kind !== 'same') out.near_duplicates.push({ call: id, other: v.id, kind: v.kind, reason: v.reason });
    const added: Call = { ...call, id, sources: [source], first_seen: ctx.now, updated_at: ctx.now };
    record(out, ctx, undefined, added, 'added');
  }
  return out;
}

/**
 * Sources that no longer list these URLs: the source entries are marked removed; a call left with
 * no live source is `withdrawn` unless its deadline has passed (then it is simply closed).
 *
 * @example
 * applyMissing(['https://x.org/si/gone'], ctx, out)
 */
export function applyMissing(urls: readonly string[], ctx: ApplyContext, out: ApplyOutcome = emptyOutcome()): ApplyOutcome {
  for (const url of urls) {
    for (const stored of ctx.index.withUrl(url)) {
      const sources = (stored.sources ?? []).map((s) => (s.url === url && !s.removed_at ? { ...s, removed_at: ctx.now } : s));
      const live = sources.some((s) => !s.removed_at);
      const closed = deadlineStatus({ ...stored, status: undefined }, ctx.today).state === 'closed';
      const next: Call = { ...stored, sources, ...(!live && !closed ? { status: 'withdrawn' as const, updated_at: ctx.now } : {}) };
      if (stable(next) === stable(stored)) continue;
      out.writes.set(next.id, next);
      ctx.index.put(next);
      if (next.status === 'withdrawn' && stored.status !== 'withdrawn') out.withdrawn.push(next.id);
    }
  }
  return out;
}
