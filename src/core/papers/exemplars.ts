/**
 * Merging exemplar papers into a call's list: one paper per DOI and per title, ids that do not
 * change when a paper is added again, and the per-call cap. Pure functions: the papers routes,
 * the CLI and the catalogue importer all merge through here, so duplicates mean the same everywhere.
 */
import { createError } from '../errors.js';
import { hashText } from '../text/hash.js';
import { MAX_PAPERS_PER_CALL, type Exemplar, type ExemplarSource, type ValidExemplarInput } from './schema.js';

/**
 * A title as duplicates are found: case, accents, punctuation and spacing do not count.
 *
 * @example
 * titleKey('Edge AI:  a Survey.') === titleKey('edge ai - a survey') // true
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A paper's stable id: from its DOI when it has one, else from its title.
 *
 * @example
 * exemplarId({ title: 'T', doi: '10.1000/x' }) // the same for every title with that DOI
 */
export function exemplarId(p: { title: string; doi?: string | undefined }): string {
  return `p${hashText(p.doi ? `doi:${p.doi}` : `title:${titleKey(p.title)}`)}`;
}

export interface MergeResult {
  papers: Exemplar[];
  added: number;
  duplicates: number;
  /** Ids of the request's papers in order (a duplicate gets the id of the paper it repeats). */
  ids: string[];
}

/**
 * Add `incoming` to `existing`: a paper with the DOI or the title of one already there (or earlier in
 * `incoming`) is kept once; it only fills fields the stored paper lacks (abstract, keywords, DOI,
 * URL). VALIDATION naming `papers` when the result would exceed the cap; nothing is changed then.
 *
 * @example
 * mergeExemplars([], [{ title: 'A', abstract: '', keywords: [] }], 'manual').added // 1
 */
export function mergeExemplars(existing: readonly Exemplar[], incoming: readonly ValidExemplarInput[], source: ExemplarSource, cap = MAX_PAPERS_PER_CALL): MergeResult {
  const papers = existing.map((p) => ({ ...p }));
  const byDoi = new Map<string, number>();
  const byTitle = new Map<string, number>();
  const remember = (p: Exemplar, i: number) => {
    if (p.doi) byDoi.set(p.doi, i);
    byTitle.set(titleKey(p.title), i);
  };
  papers.forEach(remember);
  let added = 0;
  let duplicates = 0;
  const ids: string[] = [];
  for (const p of incoming) {
    const at = (p.doi ? byDoi.get(p.doi) : undefined) ?? byTitle.get(titleKey(p.title));
    if (at !== undefined) {
      const kept = papers[at] as Exemplar;
      papers[at] = fillMissing(kept, p);
      remember(papers[at] as Exemplar, at);
      duplicates++;
      ids.push(kept.id);
      continue;
    }
    const stored: Exemplar = {
      id: exemplarId(p),
      title: p.title.trim(),
      abstract: p.abstract,
      keywords: p.keywords,
      ...(p.doi ? { doi: p.doi } : {}),
      ...(p.url ? { url: p.url } : {}),
      source,
    };
    papers.push(stored);
    remember(stored, papers.length - 1);
    added++;
    ids.push(stored.id);
  }
  if (papers.length > cap) {
    const message = `a call holds at most ${cap} papers: it has ${existing.length} and this would add ${added} more (${incoming.length} given, ${duplicates} duplicates)`;
    throw createError('VALIDATION', message, { fields: [{ path: 'papers', message }] });
  }
  return { papers, added, duplicates, ids };
}

function fillMissing(kept: Exemplar, p: ValidExemplarInput): Exemplar {
  return {
    ...kept,
    ...(!kept.abstract.trim() && p.abstract.trim() ? { abstract: p.abstract } : {}),
    ...(kept.keywords.length === 0 && p.keywords.length ? { keywords: p.keywords } : {}),
    ...(!kept.doi && p.doi ? { doi: p.doi } : {}),
    ...(!kept.url && p.url ? { url: p.url } : {}),
  };
}

/**
 * The catalogue importer's hook: a special-issue page's current article list replaces the papers
 * an earlier import of that page stored, and papers an editor added by hand stay. Call it with the
 * stored call's papers on every import or refresh of a page that lists its articles.
 *
 * @example
 * const papers = mergeCatalogueExemplars(stored?.papers ?? [], articlesFromPage).papers;
 * await store.put({ ...call, papers });
 */
export function mergeCatalogueExemplars(existing: readonly Exemplar[], fromPage: readonly ValidExemplarInput[], cap = MAX_PAPERS_PER_CALL): MergeResult {
  const manual = existing.filter((p) => p.source === 'manual');
  // Earlier catalogue papers keep their abstracts when the page now lists only titles.
  const previous = new Map(existing.filter((p) => p.source === 'catalogue').map((p) => [p.id, p]));
  const result = mergeExemplars(manual, fromPage, 'catalogue', cap);
  return { ...result, papers: result.papers.map((p) => (p.source === 'catalogue' && previous.has(p.id) ? fillMissing(p, previous.get(p.id) as Exemplar) : p)) };
}

/**
 * The papers without those whose ids are given; UNKNOWN ids are a NOT_FOUND error naming them.
 *
 * @example
 * withoutExemplars(call.papers ?? [], ['pabc123']).length
 */
export function withoutExemplars(existing: readonly Exemplar[], ids: readonly string[]): Exemplar[] {
  const have = new Set(existing.map((p) => p.id));
  const missing = ids.filter((id) => !have.has(id));
  if (missing.length) throw createError('NOT_FOUND', `no paper with id ${missing.map((m) => `"${m}"`).join(', ')} on this call`);
  const drop = new Set(ids);
  return existing.filter((p) => !drop.has(p.id));
}
