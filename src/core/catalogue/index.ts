/**
 * The catalogue's public surface: sources, import and refresh, de-duplication, Atom feeds.
 *
 * @example
 * import { importSource, createDedupeIndex, emptyState } from './core/catalogue/index.js';
 */
export { importSource, type ImportDeps, type ImportReport } from './import.js';
export { runSources, type RunDeps, type RunSummary } from './run.js';
export { createDedupeIndex, compareCalls, normalTitle, normalUrl, type DedupeIndex, type Verdict } from './dedupe.js';
export { atomFeed, changedAt, type AtomOptions } from './atom.js';
export { parseDocument, sniffFormat } from './document.js';
export { parseFeed } from './feed.js';
export { callFromRecord } from './records.js';
export { CatalogueState, DocumentState, SourceSpec, SourcesFile, emptyState, SOURCE_KINDS } from './types.js';
export type { Fetcher, FetchResult, RawDocument, SourceKind, SourceSpecInput, Validators, Imported, ImportFailure } from './types.js';
