import { describe, expect, it } from 'vitest';
import { findArticleList } from './articles.js';
import { parseDocument } from './dom.js';

const ABSTRACT =
  'Industrial parks concentrate material flows, which makes them a natural unit for circular strategies. We model land use in twelve parks and show that shared infrastructure reduces virgin material demand by a third while keeping agricultural land in use.';

/** The markup of an MDPI special-issue page's "Published Papers": a page link and a DOI link per entry, cropped and full abstracts. */
const mdpiEntry = (n: number) => `
  <div class="article-item">
    <div class="article-content">
      <span class="label openaccess">Open Access</span><span class="label articletype">Article</span>
      <a class="title-link" href="/2071-1050/17/19/88${n}0">Circular Land Use Model Number ${n} for Industrial Parks</a>
      <div class="authors">by <strong>C. Author</strong> and <strong>G. Writer</strong></div>
      <div class="color-grey-dark"><em>Sustainability</em> <b>2025</b>, <em>17</em>(19), 88${n}0; <a href="https://doi.org/10.3390/su171988${n}0">https://doi.org/10.3390/su171988${n}0</a> - 28 Sep 2025</div>
      <div class="abstract-div">
        <div class="abstract-cropped">${ABSTRACT.slice(0, 120)} ... <a href="#">Full article</a></div>
        <div class="abstract-full">${ABSTRACT} <a href="/2071-1050/17/19/88${n}0">Full article</a></div>
      </div>
      <div class="belongsTo">(This article belongs to the Special Issue <a href="/journal/sustainability/special_issues/x">Circular Economy</a>)</div>
    </div>
  </div>`;

const page = (body: string) => parseDocument(`<html><body><h1>Special Issue: Circular Economy in Industrial Parks</h1><p>We invite papers on circular economy.</p>${body}</body></html>`);

describe('findArticleList', () => {
  it('reads an MDPI list: title, DOI, the page link and the full abstract, each paper once', () => {
    const doc = page(`<h2>Published Papers (2 papers)</h2><div class="article-listing">${mdpiEntry(1)}${mdpiEntry(2)}</div>`);
    const list = findArticleList(doc, new URL('https://www.mdpi.com/journal/sustainability/special_issues/x'));
    expect(list?.papers).toEqual([
      { title: 'Circular Land Use Model Number 1 for Industrial Parks', abstract: ABSTRACT, keywords: [], doi: '10.3390/su17198810', url: 'https://www.mdpi.com/2071-1050/17/19/8810' },
      { title: 'Circular Land Use Model Number 2 for Industrial Parks', abstract: ABSTRACT, keywords: [], doi: '10.3390/su17198820', url: 'https://www.mdpi.com/2071-1050/17/19/8820' },
    ]);
    expect(list?.where).toContain('Published Papers');
    expect(list?.elements).toHaveLength(2);
  });

  it('reads a ScienceDirect-style list with no heading over it (three or more entries side by side); the PDF link is the same article', () => {
    const entry = (pii: string, title: string) => `
      <li class="js-article-list-item"><dl class="js-article article-content"><dt><h3><a class="anchor article-content-title" href="/science/article/pii/${pii}"><span class="anchor-text"><span class="js-article-title">${title}</span></span></a></h3></dt>
      <dd class="js-article-subtype">Research article</dd><dd class="js-article-author-list">A. Author, B. Author</dd>
      <dd><a class="anchor pdf-download" href="/science/article/pii/${pii}/pdfft?md5=x"><span>View PDF</span></a></dd></dl></li>`;
    const doc = page(`<ol class="article-list">${entry('S0140366423001234', 'Federated learning for vehicular networks')}${entry('S0140366423005678', 'Secure routing in the Internet of Vehicles')}${entry('S0140366423009999', 'Edge caching with deep reinforcement learning')}</ol>`);
    const list = findArticleList(doc, new URL('https://www.sciencedirect.com/journal/computer-communications/special-issue/10ABCD'));
    expect(list?.papers.map((p) => [p.title, p.url])).toEqual([
      ['Federated learning for vehicular networks', 'https://www.sciencedirect.com/science/article/pii/S0140366423001234'],
      ['Secure routing in the Internet of Vehicles', 'https://www.sciencedirect.com/science/article/pii/S0140366423005678'],
      ['Edge caching with deep reinforcement learning', 'https://www.sciencedirect.com/science/article/pii/S0140366423009999'],
    ]);
    expect(list?.where).toBe('3 article links side by side');
  });

  it('reads a Springer collection: DOI from the article URL, the summary as abstract', () => {
    const card = (doi: string, title: string) => `<li class="app-article-list-row__item"><div class="c-card"><div class="c-card__body"><h3 class="c-card__title"><a href="https://link.springer.com/article/${doi}" class="c-card__link">${title}</a></h3><div class="c-card__summary"><p>${ABSTRACT}</p></div><ul class="c-author-list"><li>A. Author</li></ul></div></div></li>`;
    const doc = page(`<h2>Articles in this collection (2)</h2><ul>${card('10.1007/s10579-023-09123-4', 'Corpus building for low-resource languages')}${card('10.1007/s10579-024-00001-1', 'Annotation schemes for dialogue acts')}</ul>`);
    const list = findArticleList(doc, new URL('https://link.springer.com/collections/abcdef'));
    expect(list?.papers.map((p) => [p.title, p.doi, p.abstract.length > 100])).toEqual([
      ['Corpus building for low-resource languages', '10.1007/s10579-023-09123-4', true],
      ['Annotation schemes for dialogue acts', '10.1007/s10579-024-00001-1', true],
    ]);
  });

  it('a lone paper under "Published Papers" is one entry, not the whole section', () => {
    const doc = page(`<div class="si-section"><h3>Published Papers</h3><div class="si-papers-list"><div class="si-paper"><h4>A Circular Land Use Model for Italian Industrial Parks</h4><p>D'Alessandro, C. &amp; Ioppolo, G.</p><a href="https://doi.org/10.3390/su17198830">View Article</a></div></div></div>`);
    const list = findArticleList(doc);
    expect(list?.papers).toEqual([{ title: 'A Circular Land Use Model for Italian Industrial Parks', abstract: '', keywords: [], doi: '10.3390/su17198830', url: 'https://doi.org/10.3390/su17198830' }]);
    expect(list?.elements[0]?.textContent).not.toContain('Published Papers');
  });

  it('takes no papers from lists that are not the issue\'s: related or most-read articles, references, a DOI cited in the prose', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `<li><a href="https://doi.org/10.1016/j.x.2024.10${i}">A related article about topic number ${i}</a></li>`).join('');
    for (const heading of ['Related articles', 'Most read articles', 'References', 'You may also like']) {
      expect(findArticleList(page(`<h2>${heading}</h2><ul>${links(5)}</ul>`)), heading).toBeUndefined();
    }
    expect(findArticleList(page(`<p>As our editorial argued (<a href="https://doi.org/10.1016/j.x.2024.1">Smith and Jones on circular economy</a>), more work is needed.</p>`))).toBeUndefined();
    expect(findArticleList(page('<h2>Topics</h2><ul><li>Circular economy</li><li>Industrial symbiosis</li></ul>'))).toBeUndefined();
  });

  it('two <article> entries, each with its title in a heading, under the issue\'s own name are a list', () => {
    const entry = (slug: string, title: string, doi: string) => `<article class="article-summary"><p>An opening line of the essay.</p><h2><a href="/issues/1/${slug}/">${title}</a></h2><ul class="authors"><li>A. Author</li></ul><a class="doi" href="https://doi.org/${doi}">${doi}</a></article>`;
    const doc = page(`<h1>Transformations</h1><section>${entry('data-beyond-vision', 'Data Beyond Vision', '10.5281/zenodo.3713670')}${entry('their-data', 'Their Data, Ourselves', '10.5281/zenodo.3713678')}</section>`);
    expect(findArticleList(doc, new URL('https://startwords.example.org/issues/1/'))?.papers.map((p) => [p.title, p.doi])).toEqual([
      ['Data Beyond Vision', '10.5281/zenodo.3713670'],
      ['Their Data, Ourselves', '10.5281/zenodo.3713678'],
    ]);
  });

  it('two entries that are not under a heading naming published papers are not a list', () => {
    const doc = page(`<h2>Background</h2><ul><li><a href="https://doi.org/10.1/a">First background paper on the subject</a></li><li><a href="https://doi.org/10.1/b">Second background paper on the subject</a></li></ul>`);
    expect(findArticleList(doc)).toBeUndefined();
  });

  it('never takes a link text that is only a DOI or "View Article" as a title, and skips entries with no title', () => {
    const doc = page(`<h2>Published articles</h2><ul><li><a href="https://doi.org/10.1/a">https://doi.org/10.1/a</a></li><li><a href="https://doi.org/10.1/b">View Article</a></li></ul>`);
    expect(findArticleList(doc)).toBeUndefined();
  });

  it('reads a page of many links in bounded work and keeps each article once', () => {
    const many = Array.from({ length: 3_000 }, (_, i) => `<li><a href="https://doi.org/10.5555/item.${i}">Published paper number ${i} of the archive</a></li>`).join('');
    const list = findArticleList(page(`<h2>Published papers</h2><ul>${many}</ul>`));
    expect(list?.papers.length).toBe(1_000);
    expect(new Set(list?.papers.map((p) => p.doi)).size).toBe(1_000);
  });
});
