/**
 * The catalogue's types: the Fetcher port (how raw documents are obtained), a source as the
 * sources file describes it, and the one result type every source adapter returns.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import type { Call, CallSource } from '../schema.js';

export const SOURCE_KINDS = ['page', 'feed', 'listing', 'bulk'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One entry of `DATA_DIR/sources.json|yaml`, or what `calls import` is given. */
export const SourceSpec = z
  .object({
    url: z.string().min(1).max(2_000),
    /** Default `auto`: from the content type and the body. */
    kind: z.enum([...SOURCE_KINDS, 'auto']).default('auto'),
    name: z.string().min(1).max(200).optional(),
    /** Listings and feeds: at most this many linked call pages are followed. */
    limit: z.number().int().min(1).max(1_000).default(50),
    licence: z.string().max(300).optional(),
    /**
     * Bulk files: which record key holds a call field, when the file uses its own names
     * (`{ topics: 'keywords' }`); `{ id: 'title' }` ignores the records' own ids and names calls after their titles.
     */
    map: z.partialRecord(z.enum(['id', 'title', 'venue', 'publisher', 'scope', 'topics', 'deadline', 'url', 'editors']), z.string()).optional(),
    /** Listings: only links whose URL matches this regular expression are call pages. */
    match: z.string().max(500).optional(),
    /** Fields laid over every call of this source (a publisher the pages do not name, say). */
    defaults: z.object({ venue: z.string().optional(), publisher: z.string().optional() }).strict().optional(),
  })
  .strict();
export type SourceSpec = z.infer<typeof SourceSpec>;
export type SourceSpecInput = z.input<typeof SourceSpec>;

export const SourcesFile = z.union([z.array(SourceSpec), z.object({ sources: z.array(SourceSpec) }).transform((o) => o.sources)]);

/** A fetched document: bytes and what the server said about them. */
export interface RawDocument {
  /** The final URL after redirects (a `file:` URL for files). */
  url: string;
  body: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

/** Validators from the last fetch of a URL, sent back so an unchanged document costs a 304. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { status: 'ok'; doc: RawDocument }
  | { status: 'not_modified' }
  /** 404 or 410: the document is gone (its calls may be withdrawn). */
  | { status: 'gone'; httpStatus: number };

/**
 * How the catalogue obtains documents. The Node adapter fetches politely over HTTP (timeouts, size
 * cap, robots.txt, per-host delay, private addresses refused) and reads files; tests use fakes.
 * Failures other than `gone` throw coded errors (FETCH_FAILED, FETCH_REFUSED, TOO_LARGE, BAD_INPUT).
 */
export interface Fetcher {
  fetch(url: string, validators?: Validators): Promise<FetchResult>;
}

/** One call a source produced, with the provenance of the document it came from. */
export interface Imported {
  call: Call;
  source: CallSource;
}

/** A document (or record) the source could not turn into a call; the import goes on. */
export interface ImportFailure {
  url: string;
  code: ErrorCode;
  message: string;
}

/** What the catalogue remembers about one fetched document between refreshes. */
export const DocumentState = z.object({
  /** The kind the source was read as (`auto` sources remember what they turned out to be). */
  kind: z.enum(SOURCE_KINDS).optional(),
  etag: z.string().optional(),
  last_modified: z.string().optional(),
  content_hash: z.string().optional(),
  fetched_at: z.string(),
  /** Item or page URLs the document listed (feeds, listings, bulk records with URLs). */
  links: z.array(z.string()).optional(),
});
export type DocumentState = z.infer<typeof DocumentState>;

/** `DATA_DIR/catalogue-state.json`: per-source document states, keyed by URL. */
export const CatalogueState = z.object({ version: z.literal(1), documents: z.record(z.string(), DocumentState) });
export type CatalogueState = z.infer<typeof CatalogueState>;

export const emptyState = (): CatalogueState => ({ version: 1, documents: {} });

/** `POST /v1/calls/import`: a URL to fetch, or a document's content (with the URL it came from, if known). */
export const ImportRequest = z
  .object({
    url: z.string().url().max(2_000).optional(),
    content: z.string().min(1).max(900_000).optional(),
    content_type: z.string().max(200).optional(),
    kind: z.enum([...SOURCE_KINDS, 'auto']).default('auto'),
    source_name: z.string().min(1).max(200).optional(),
    licence: z.string().max(300).optional(),
    limit: z.number().int().min(1).max(200).default(20),
    dry_run: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.url !== undefined || r.content !== undefined, { message: 'give a url to fetch or the content of a document', path: ['url'] });
export type ImportRequest = z.infer<typeof ImportRequest>;
