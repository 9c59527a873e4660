/**
 * Import one source into the catalogue: fetch its documents (conditionally, when the calls they
 * produced are still there), parse what changed, fold the calls in (update, merge duplicates, add),
 * mark what vanished, and commit as it goes so a killed import keeps every call it finished.
 */
import { isCfpError } from '../errors.js';
import { todayIso } from '../rank/deadline.js';
import type { Call } from '../schema.js';
import { applyImported, applyMissing, emptyOutcome, type ApplyContext, type ApplyOutcome, type NearDuplicate } from './apply.js';
import type { DedupeIndex } from './dedupe.js';
import { decodeText } from '../cfp/index.js';
import { parseDocument, sniffFormat } from './document.js';
import { sha256Hex } from '../text/hash.js';
import { fetchDoc, listingLinks, walkBulk, walkFeed, walkListing, walkPage, type WalkContext } from './sources.js';
import { SourceSpec, type CatalogueState, type DocumentState, type Fetcher, type ImportFailure, type RawDocument, type SourceKind, type SourceSpecInput } from './types.js';

export interface ImportReport {
  source: string;
  kind: SourceKind | 'unknown';
  added: string[];
  updated: string[];
  merged: ApplyOutcome['merged'];
  withdrawn: string[];
  /** Calls re-read and found unchanged, plus documents skipped as unchanged (304 or same bytes). */
  unchanged: number;
  near_duplicates: NearDuplicate[];
  failures: ImportFailure[];
  /** Documents downloaded, and answered 304 Not Modified. */
  fetched: number;
  not_modified: number;
}

export interface ImportDeps {
  fetcher: Fetcher;
  /** Read, and updated in place with the validators and hashes of what was fetched. */
  state: CatalogueState;
  /** The catalogue's calls; updated in place as calls are folded in. */
  index: DedupeIndex;
  /** Write changed calls, then remember these document states; awaited before the walk goes on. */
  commit(calls: Call[], documents: Record<string, DocumentState>): Promise<void>;
  now?: Date;
  onProgress?(p: { done: number; total: number; url: string }): void;
}

const looksLikeCall = (c: Call): boolean => c.topics.length > 0 || c.dates.submission_deadline !== undefined;

/**
 * @example
 * const report = await importSource({ url: 'https://example.org/cfps.xml', kind: 'feed' }, { fetcher, state, index, commit });
 * report.added // ['call-id', ...]
 */
export async function importSource(input: SourceSpecInput, deps: ImportDeps): Promise<ImportReport> {
  const spec = SourceSpec.parse(input);
  const now = (deps.now ?? new Date()).toISOString();
  const actx: ApplyContext = { index: deps.index, now, today: todayIso(deps.now) };
  const report: ImportReport = { source: spec.url, kind: spec.kind === 'auto' ? 'unknown' : spec.kind, added: [], updated: [], merged: [], withdrawn: [], unchanged: 0, near_duplicates: [], failures: [], fetched: 0, not_modified: 0 };
  const take = (o: ApplyOutcome) => {
    report.added.push(...o.added);
    report.updated.push(...o.updated.filter((id) => !report.updated.includes(id) && !report.added.includes(id)));
    report.merged.push(...o.merged);
    report.withdrawn.push(...o.withdrawn);
    report.unchanged += o.unchanged.length;
    report.near_duplicates.push(...o.near_duplicates);
  };
  let done = 0;
  // A source never imported before (no state, no call from it): if it is gone, that is a wrong URL or
  // path, not calls that left it, and must fail instead of reporting 0 added (docs/catalogue.md).
  const first = deps.state.documents[spec.url] === undefined && deps.index.withUrl(spec.url).length === 0;
  let rootGone: number | undefined;
  const ctx: WalkContext = {
    spec,
    fetcher: {
      async fetch(url, validators) {
        const r = await deps.fetcher.fetch(url, validators);
        if (r.status === 'gone' && url === spec.url) rootGone = r.httpStatus;
        return r;
      },
    },
    state: deps.state,
    index: deps.index,
    now,
    counts: { fetched: 0, notModified: 0 },
    missing: [],
    fail: (f) => report.failures.push(f),
    progress: (url, total) => deps.onProgress?.({ done: ++done, total, url }),
    async emit(items, docs) {
      const o = applyImported(items, actx);
      await deps.commit([...o.writes.values()], docs);
      Object.assign(deps.state.documents, docs);
      take(o);
    },
  };
  try {
    await walkRoot(ctx, spec, report);
    if (first && rootGone !== undefined) {
      ctx.missing = ctx.missing.filter((u) => u !== spec.url);
      const what = /^https?:/i.test(spec.url) ? `answered HTTP ${rootGone}` : 'no such file';
      report.failures.push({ url: spec.url, code: 'FETCH_FAILED', message: `${spec.url}: ${what}; nothing to import (check the URL or path)` });
    }
    if (ctx.missing.length) {
      const o = applyMissing(ctx.missing, actx, emptyOutcome());
      await deps.commit([...o.writes.values()], {});
      take(o);
    }
  } catch (err) {
    report.failures.push({ url: spec.url, code: isCfpError(err) ? err.code : 'INTERNAL', message: (err as Error).message });
  }
  report.fetched = ctx.counts.fetched;
  report.not_modified = ctx.counts.notModified;
  report.unchanged += ctx.counts.notModified;
  return report;
}

async function walkRoot(ctx: WalkContext, spec: SourceSpec, report: ImportReport): Promise<void> {
  const prev = ctx.state.documents[spec.url];
  const kind = spec.kind !== 'auto' ? spec.kind : prev?.kind;
  if (kind === 'page') {
    report.kind = 'page';
    ctx.progress(spec.url, 1);
    return walkPage(ctx, spec.url, 'page');
  }
  const links = prev?.links ?? [];
  const have = links.some((l) => ctx.index.withUrl(l).length > 0);
  const r = await fetchDoc(ctx, spec.url, have);
  if (r.status === 'gone') {
    report.kind = kind ?? 'unknown';
    ctx.missing.push(...(links.length ? links : [spec.url]));
    return;
  }
  const doc: RawDocument | undefined = r.status === 'ok' ? r.doc : undefined;
  const hash = doc ? await sha256Hex(doc.body) : undefined;
  const unchanged = !doc || (have && prev?.content_hash === hash);
  const resolved = kind ?? (doc ? detectKind(doc, spec) : undefined);
  report.kind = resolved ?? 'unknown';
  if (unchanged && resolved !== 'page') {
    // The listing or feed is as it was; the pages it links to may not be: ask each of them (304s).
    if (resolved === 'listing' || resolved === 'feed') {
      for (const l of links) {
        ctx.progress(l, links.length);
        await walkPage(ctx, l, resolved);
      }
    }
    return;
  }
  if (!doc || !hash) return;
  if (resolved === 'feed') return walkFeed(ctx, doc, hash);
  if (resolved === 'bulk') return walkBulk(ctx, doc, hash);
  if (resolved === 'listing') return walkListing(ctx, doc, hash, listingLinks(decodeText(doc.body, doc.contentType), spec.url, spec));
  ctx.progress(spec.url, 1);
  return walkPage(ctx, spec.url, 'page', doc);
}

/** `auto`: a feed, a bulk file, one CFP page, or a listing of calls (a page that is not one call but links to several). */
function detectKind(doc: RawDocument, spec: SourceSpec): SourceKind {
  const text = decodeText(doc.body, doc.contentType);
  const format = sniffFormat(doc.url, doc.contentType, text);
  if (format === 'feed') return 'feed';
  if (format === 'json' || format === 'jsonl' || format === 'csv') return 'bulk';
  if (format !== 'html') return 'page';
  const links = listingLinks(text, spec.url, spec).length;
  // Three or more links to calls: a listing (a call page links to one or two others at most).
  if (links >= 3) return 'listing';
  try {
    const call = parseDocument(doc);
    if (call.dates.submission_deadline || (looksLikeCall(call) && links === 0)) return 'page';
  } catch {
    // not one call: perhaps a listing
  }
  return links >= 2 ? 'listing' : 'page';
}
