/**
 * The source kinds. Each walks its documents through the Fetcher and emits `Imported` calls (the
 * one result type) as it goes, so a long import commits page by page:
 * - page: one CFP page (HTML or text);
 * - feed: RSS/Atom; an item with a CFP in its body is parsed, an item with only a link is a page;
 * - listing: a page of links to calls, each followed as a page, up to `limit`;
 * - bulk: JSON / JSON lines / CSV records.
 */
import { createError, isCfpError } from '../errors.js';
import type { Call, CallSource } from '../schema.js';
import { extractLinks, fragmentText } from './html.js';
import { decodeText } from '../cfp/index.js';
import { parseCfpText, parseDocument, sniffFormat } from './document.js';
import { sha256Hex } from '../text/hash.js';
import { parseFeed } from './feed.js';
import { readBulk } from './bulk.js';
import type { DedupeIndex } from './dedupe.js';
import type { CatalogueState, DocumentState, Fetcher, Imported, ImportFailure, RawDocument, SourceKind, SourceSpec } from './types.js';

export interface WalkContext {
  spec: SourceSpec;
  fetcher: Fetcher;
  state: CatalogueState;
  index: DedupeIndex;
  now: string;
  emit(items: Imported[], docs: Record<string, DocumentState>): Promise<void>;
  fail(f: ImportFailure): void;
  progress(url: string, total: number): void;
  counts: { fetched: number; notModified: number };
  /** URLs the source no longer lists. */
  missing: string[];
}

/** Links that look like one call: special issues, calls for papers, collections, research topics. */
const CALL_LINK = /special[-_ ]?issues?\/|special[-_]issue|call[-_]for[-_]papers?\/.+|\/cfp[s]?\/.+|\/collections?\/[\w-]+|research[-_]topics?\/\d+|\/topics\/[\w-]+|\/si\/[\w-]+/i;

const known = (ctx: WalkContext, url: string): boolean => ctx.index.withUrl(url).length > 0;

function sourceOf(ctx: WalkContext, url: string, kind: SourceKind, hash: string, doc?: RawDocument): CallSource {
  return {
    url,
    kind,
    ...(url !== ctx.spec.url ? { via: ctx.spec.url } : {}),
    ...(ctx.spec.name ? { name: ctx.spec.name } : {}),
    fetched_at: ctx.now,
    content_hash: hash,
    ...(doc?.etag ? { etag: doc.etag } : {}),
    ...(doc?.lastModified ? { last_modified: doc.lastModified } : {}),
    ...(ctx.spec.licence ? { licence: ctx.spec.licence } : {}),
  };
}

function withDefaults(ctx: WalkContext, call: Call): Call {
  const d = ctx.spec.defaults;
  return { ...call, ...(!call.venue && d?.venue ? { venue: d.venue } : {}), ...(!call.publisher && d?.publisher ? { publisher: d.publisher } : {}) };
}

function docState(doc: RawDocument, hash: string, now: string, extra: Partial<DocumentState> = {}): DocumentState {
  return { ...(doc.etag ? { etag: doc.etag } : {}), ...(doc.lastModified ? { last_modified: doc.lastModified } : {}), content_hash: hash, fetched_at: now, ...extra };
}

/** Fetch with the validators of the last fetch, when the calls it produced are still there. */
export async function fetchDoc(ctx: WalkContext, url: string, useValidators: boolean) {
  const prev = ctx.state.documents[url];
  const r = await ctx.fetcher.fetch(url, useValidators && prev ? { ...(prev.etag ? { etag: prev.etag } : {}), ...(prev.last_modified ? { lastModified: prev.last_modified } : {}) } : undefined);
  if (r.status === 'ok') ctx.counts.fetched++;
  if (r.status === 'not_modified') ctx.counts.notModified++;
  return r;
}

/** One CFP page. `doc` when the caller already fetched it. */
export async function walkPage(ctx: WalkContext, url: string, kind: SourceKind, doc?: RawDocument): Promise<void> {
  try {
    const have = known(ctx, url);
    let raw = doc;
    if (!raw) {
      const r = await fetchDoc(ctx, url, have);
      if (r.status === 'not_modified') return;
      if (r.status === 'gone') return void ctx.missing.push(url);
      raw = r.doc;
    }
    const hash = await sha256Hex(raw.body);
    const state = docState(raw, hash, ctx.now, { kind: 'page' });
    // Same bytes as last time (a server without validators): nothing to parse.
    if (have && ctx.state.documents[url]?.content_hash === hash) return ctx.emit([], { [url]: state });
    const call = withDefaults(ctx, parseDocument(raw));
    await ctx.emit([{ call, source: sourceOf(ctx, url, kind, hash, raw) }], { [url]: state });
  } catch (err) {
    ctx.fail({ url, code: isCfpError(err) ? err.code : 'INTERNAL', message: (err as Error).message });
  }
}

/** A feed: items with a CFP in their body are parsed; items with only a link are followed. */
export async function walkFeed(ctx: WalkContext, doc: RawDocument, hash: string): Promise<void> {
  const feed = parseFeed(decodeText(doc.body, doc.contentType), doc.url);
  const links: string[] = [];
  const items = feed.items.slice(0, ctx.spec.limit);
  for (const [i, item] of items.entries()) {
    ctx.progress(item.link ?? ctx.spec.url, items.length);
    const body = item.content ? fragmentText(item.content) : '';
    const key = item.link ?? (item.id ? `${ctx.spec.url}#${item.id}` : undefined);
    // The call itself is in the item when its body reads like one (a list, a deadline); else the item points at it.
    const inline = body.length >= 150 && (/^- /m.test(body) || /deadline|submission|topics/i.test(body));
    if (!key || (!inline && !item.link)) {
      ctx.fail({ url: `${ctx.spec.url}#item-${i + 1}`, code: 'BAD_INPUT', message: `feed item ${i + 1} has no link and no call text` });
      continue;
    }
    if (!inline && item.link) {
      // Only followed pages are remembered: on a 304 for the feed they are asked again, one by one.
      links.push(item.link);
      await walkPage(ctx, item.link, 'feed');
      continue;
    }
    try {
      const text = `## ${item.title ?? ''}\n\n${body}`;
      const itemHash = await sha256Hex(text);
      const state: DocumentState = { content_hash: itemHash, fetched_at: ctx.now };
      if (known(ctx, key) && ctx.state.documents[key]?.content_hash === itemHash) continue;
      const call = withDefaults(ctx, parseCfpText(text));
      await ctx.emit([{ call: item.title ? { ...call, title: item.title } : call, source: sourceOf(ctx, key, 'feed', itemHash) }], { [key]: state });
    } catch (err) {
      ctx.fail({ url: key, code: isCfpError(err) ? err.code : 'INTERNAL', message: (err as Error).message });
    }
  }
  // Items roll off a feed as new ones arrive: leaving it is not a withdrawal (docs/catalogue.md).
  await ctx.emit([], { [ctx.spec.url]: docState(doc, hash, ctx.now, { kind: 'feed', links }) });
}

/** The call links of a listing page. */
export function listingLinks(html: string, url: string, spec: SourceSpec): string[] {
  const match = spec.match ? new RegExp(spec.match, 'i') : CALL_LINK;
  const self = url.split('#')[0];
  return extractLinks(html, url)
    .map((l) => l.url)
    .filter((u) => u.split('#')[0] !== self || u.includes('#'))
    .filter((u) => match.test(u))
    .slice(0, spec.limit);
}

/** A listing: each linked call page in turn; links that left the listing are missing. */
export async function walkListing(ctx: WalkContext, doc: RawDocument | undefined, hash: string | undefined, links: string[]): Promise<void> {
  for (const link of links) {
    ctx.progress(link, links.length);
    await walkPage(ctx, link, 'listing');
  }
  const prev = ctx.state.documents[ctx.spec.url];
  if (doc && hash) {
    const now = new Set(links);
    ctx.missing.push(...(prev?.links ?? []).filter((l) => !now.has(l)));
    await ctx.emit([], { [ctx.spec.url]: docState(doc, hash, ctx.now, { kind: 'listing', links }) });
  }
}

/** A bulk file: every record a call; records that left the file are missing. */
export async function walkBulk(ctx: WalkContext, doc: RawDocument, hash: string): Promise<void> {
  const text = decodeText(doc.body, doc.contentType);
  const format = sniffFormat(doc.url, doc.contentType, text);
  if (format !== 'json' && format !== 'jsonl' && format !== 'csv') throw createError('BAD_INPUT', `${ctx.spec.url}: a ${format} document is not a bulk file of calls`);
  const { records, failures } = await readBulk(text, format, ctx.spec.url, ctx.spec.map);
  failures.forEach(ctx.fail);
  const items: Imported[] = [];
  const docs: Record<string, DocumentState> = {};
  for (const r of records) {
    docs[r.url] = { content_hash: r.hash, fetched_at: ctx.now };
    if (known(ctx, r.url) && ctx.state.documents[r.url]?.content_hash === r.hash) continue;
    items.push({ call: withDefaults(ctx, r.call), source: sourceOf(ctx, r.url, 'bulk', r.hash) });
  }
  const urls = records.map((r) => r.url);
  const now = new Set(urls);
  ctx.missing.push(...(ctx.state.documents[ctx.spec.url]?.links ?? []).filter((l) => !now.has(l)));
  await ctx.emit(items, { ...docs, [ctx.spec.url]: docState(doc, hash, ctx.now, { kind: 'bulk', links: urls }) });
}
