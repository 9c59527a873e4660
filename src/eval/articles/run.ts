/**
 * The article-list reader (`findArticleList`, issue #18) against hand-labelled real pages in
 * `eval/articles/cases`: `<id>.html` (or the page another eval keeps, named by `page`) and
 * `<id>.truth.json` (`kind` positive or negative, `papers` with title and DOI). A paper is found when a read paper has its DOI, or, when either has none,
 * its title after normalisation (case, accents and punctuation do not count).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findArticleList } from '../../core/cfp/html/articles.js';
import { parseDocument } from '../../core/cfp/html/dom.js';
import { inputPathError } from '../load.js';
import { norm } from '../cfp/score.js';

export interface ArticleTruth {
  id: string;
  publisher: string;
  kind: 'positive' | 'negative';
  /** The saved page, relative to the cases folder, when another eval already keeps it (default `<id>.html`). */
  page?: string;
  papers: Array<{ title: string; doi: string | null }>;
  provenance: { source: string; url: string | null; licence?: string; note?: string };
}

export interface PageScore {
  id: string;
  kind: ArticleTruth['kind'];
  truth: number;
  found: number;
  matched: number;
  /** Read papers that are not the page's (titles), and the page's papers not read. */
  extra: string[];
  missed: string[];
}

export interface ArticleEvalResult {
  pages: PageScore[];
  /** Papers over all pages: precision over what was read, recall over what the pages list. */
  precision: number;
  recall: number;
  /** Pages whose list was read exactly (every paper, nothing else; for a negative: nothing). */
  exact: number;
}

const same = (a: { title: string; doi?: string | null | undefined }, b: { title: string; doi?: string | null | undefined }) =>
  a.doi && b.doi ? a.doi.toLowerCase() === b.doi.toLowerCase() : norm(a.title) === norm(b.title);

/**
 * Score the reader on one page.
 *
 * @example
 * scorePage(truth, html).matched
 */
export function scorePage(truth: ArticleTruth, html: string): PageScore {
  const url = truth.provenance.url ? new URL(truth.provenance.url) : undefined;
  const read = findArticleList(parseDocument(html), url)?.papers ?? [];
  const left = [...truth.papers];
  const extra: string[] = [];
  for (const p of read) {
    const i = left.findIndex((t) => same(p, t));
    if (i >= 0) left.splice(i, 1);
    else extra.push(p.title);
  }
  return { id: truth.id, kind: truth.kind, truth: truth.papers.length, found: read.length, matched: read.length - extra.length, extra, missed: left.map((t) => t.title) };
}

/**
 * Every labelled page of `dir`, scored.
 *
 * @example
 * const r = await runArticleEval('eval/articles/cases'); r.recall
 */
export async function runArticleEval(dir: string): Promise<ArticleEvalResult> {
  const names = await readdir(dir).catch((err: unknown) => {
    throw inputPathError('--cases', dir, err);
  });
  const pages: PageScore[] = [];
  for (const f of names.filter((n) => n.endsWith('.truth.json')).sort()) {
    const truth = JSON.parse(await readFile(join(dir, f), 'utf8')) as ArticleTruth;
    pages.push(scorePage(truth, await readFile(join(dir, truth.page ?? `${truth.id}.html`), 'utf8')));
  }
  const found = pages.reduce((n, p) => n + p.found, 0);
  const truth = pages.reduce((n, p) => n + p.truth, 0);
  const matched = pages.reduce((n, p) => n + p.matched, 0);
  return {
    pages,
    precision: found === 0 ? 1 : matched / found,
    recall: truth === 0 ? 1 : matched / truth,
    exact: pages.filter((p) => p.matched === p.truth && p.found === p.truth).length,
  };
}
