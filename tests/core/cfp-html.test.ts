/** The HTML path on synthetic pages (tests/fixtures/cfp/html, written for these tests) and on bad input. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCfpError } from '../../src/core/errors.js';
import { decodeHtml, decodeText, MAX_HTML_CHARS, parseCfpHtml } from '../../src/core/cfp/index.js';
import { nestingDepth } from '../../src/core/cfp/html/guard.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/cfp/html/${name}`, import.meta.url), 'utf8');
/** What `f` throws (undefined when it returns). */
const thrownBy = (f: () => unknown): unknown => {
  try {
    f();
    return undefined;
  } catch (err) {
    return err;
  }
};
const codeOf = (f: () => unknown): string | undefined => {
  const err = thrownBy(f);
  return err === undefined ? undefined : isCfpError(err) ? err.code : `not a CfpError: ${String(err)}`;
};

describe('parseCfpHtml on a structured page', () => {
  const call = parseCfpHtml(fixture('structured.html'));

  it('takes the title from the page metadata, not the "Special Issue:" heading text', () => {
    expect(call.title).toBe('Soil Health and Food Security');
    expect(call.field_sources?.['title']).toEqual({ from: 'meta', where: 'meta og:title' });
    expect(call.venue).toBe('Journal of Example Soils');
    expect(call.field_sources?.['venue']?.from).toBe('meta');
  });

  it('reads list items as topics, with inline markup and entities as text', () => {
    expect(call.topics).toEqual(['Soil organic carbon dynamics', 'Erosion control <in> smallholder farms', 'Microbial indicators of soil health']);
    expect(call.field_sources?.['topics']?.from).toBe('html-element');
  });

  it('never takes script or style text, and keeps no markup from the page', () => {
    const all = JSON.stringify(call);
    expect(all).not.toContain('SCRIPT TOPIC');
    expect(all).not.toContain('STYLE TEXT');
    expect(all).not.toContain('injected');
    expect(all).not.toMatch(/<\/?(?:p|li|script|a|b)\b/i);
    expect(all).not.toContain('onclick');
  });

  it('reads a <dl> date pair and mailto-linked editors with honorifics and the lead marker', () => {
    expect(call.dates.submission_deadline).toBe('2026-05-31');
    expect(call.dates.publication).toBe('2026-12');
    expect(call.guest_editors).toEqual([
      { name: 'Jane Smith', affiliation: 'University of Leeds, UK', email: 'jane.smith@example.ac.uk', lead: true },
      { name: 'Kwame Osei', affiliation: 'University of Ghana, Ghana', email: 'k.osei@example.edu.gh' },
    ]);
    expect(call.submission_url).toBe('https://www.editorialmanager.com/example/');
  });

  it('leaves out navigation and footer text', () => {
    expect(call.scope).not.toContain('Cookie');
    expect(call.scope).not.toContain('Login');
  });
});

describe('parseCfpHtml on broken markup', () => {
  it('still reads title, topics, deadline and inline editors from unclosed tags', () => {
    const call = parseCfpHtml(fixture('broken.html'));
    expect(call.title).toBe('Coastal Erosion under Rising Seas');
    expect(call.topics).toEqual(['Sediment transport models', 'Managed retreat policy', 'Nature-based defences']);
    expect(call.dates.submission_deadline).toBe('2027-03-15');
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Maria Rossi', 'Tomás Ortega']);
  });
});

describe('pages with no call in them are a clear BAD_INPUT', () => {
  it.each([
    ['a saved 404 page', 'not-found.html', /error or login page/],
    ['a journal home page', 'journal-home.html', /does not look like a call for papers/],
    ['a login wall', 'login-wall.html', /error or login page/],
  ])('%s', (_name, file, message) => {
    let err: unknown;
    try {
      parseCfpHtml(fixture(file));
    } catch (e) {
      err = e;
    }
    expect(isCfpError(err) && err.code).toBe('BAD_INPUT');
    expect(String((err as Error).message)).toMatch(message);
  });

  it('plain text, empty strings, NUL bytes and non-strings are refused, naming the problem', () => {
    expect(codeOf(() => parseCfpHtml('Special Issue on X. Deadline 1 May 2026.'))).toBe('BAD_INPUT');
    expect(codeOf(() => parseCfpHtml('   '))).toBe('BAD_INPUT');
    expect(codeOf(() => parseCfpHtml('<p>a\u0000b</p>'))).toBe('BAD_INPUT');
    expect(codeOf(() => parseCfpHtml(42 as unknown as string))).toBe('BAD_INPUT');
  });

  it('a page whose elements are nested thousands deep is BAD_INPUT saying so, never a crash', () => {
    const deep = `<html><body><h1>Special Issue on Deep Pages</h1><p>${'We invite papers on markup. '.repeat(10)}</p>${'<div>'.repeat(20_000)}<p>text</p>${'</div>'.repeat(20_000)}</body></html>`;
    const err = thrownBy(() => parseCfpHtml(deep));
    expect(isCfpError(err) && err.code).toBe('BAD_INPUT');
    expect((err as Error).message).toMatch(/more than 2000 levels deep/);
  });

  it('inline elements nested thousands deep (not counted by the up-front scan) still end in BAD_INPUT naming the nesting', () => {
    const deep = `<html><body><h1>Special Issue on Deep Pages</h1><p>${'We invite papers on markup. '.repeat(10)}</p>${'<em>'.repeat(20_000)}text${'</em>'.repeat(20_000)}</body></html>`;
    const err = thrownBy(() => parseCfpHtml(deep));
    expect(isCfpError(err) && err.code).toBe('BAD_INPUT');
    expect((err as Error).message).toMatch(/nested too deeply/);
  });

  it('containers nested as real pages nest them, and hundreds of unclosed <p> and <li>, are read as before', () => {
    expect(nestingDepth('<div><section><div></div><div><span></span></div></section></div>')).toBe(4);
    expect(nestingDepth('<div/><div/><br><div></div>')).toBe(1);
    const sloppy = `<html><body><h1>Special Issue on Soil Carbon</h1>${'<div>'.repeat(60)}<p>Call for papers: this special issue invites papers on soil carbon. Submission deadline: 1 May 2027.${'<p>More on soil carbon and its markets.'.repeat(300)}<h2>Topics</h2><ul>${Array.from({ length: 300 }, (_, i) => `<li>Soil carbon market ${i}`).join('')}</ul>${'</div>'.repeat(60)}</body></html>`;
    const call = parseCfpHtml(sloppy);
    expect(call.dates.submission_deadline).toBe('2027-05-01');
    expect(call.topics.length).toBeGreaterThanOrEqual(100); // every item read, up to the call's topic cap
  });

  it('a 10 MB page is TOO_LARGE, quickly and without parsing it', () => {
    const big = `<html><body>${'<p>Special issue call for papers on soil. </p>'.repeat(Math.ceil(10_000_000 / 44))}</body></html>`;
    expect(big.length).toBeGreaterThan(MAX_HTML_CHARS);
    expect(codeOf(() => parseCfpHtml(big))).toBe('TOO_LARGE');
  });

  it('a page just under the limit with thousands of script blocks parses without script text', () => {
    const scripts = '<script>var t="EVIL TOPIC";</script>'.repeat(20_000);
    const call = parseCfpHtml(`<html><body>${scripts}${fixture('structured.html').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '')}</body></html>`);
    expect(JSON.stringify(call)).not.toContain('EVIL');
    expect(call.topics).toHaveLength(3);
  });
});

describe('decodeHtml', () => {
  const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

  it('uses the charset from the Content-Type header', () => {
    expect(decodeHtml(latin1('<p>Caf\u00e9</p>'), 'text/html; charset=ISO-8859-1')).toBe('<p>Café</p>');
  });

  it('uses a <meta charset> when there is no header, and windows-1252 punctuation', () => {
    const bytes = latin1('<meta charset="windows-1252"><p>\u0093quoted\u0094 na\u00efve</p>');
    expect(decodeHtml(bytes)).toContain('“quoted” naïve');
  });

  it('a byte-order mark wins over the header, and is dropped', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>Zürich</p>')]);
    expect(decodeHtml(bytes, 'text/html; charset=iso-8859-1')).toBe('<p>Zürich</p>');
  });

  it('UTF-8 by default, and an unknown charset label falls back to UTF-8', () => {
    expect(decodeHtml(new TextEncoder().encode('<p>東京</p>'))).toBe('<p>東京</p>');
    expect(decodeHtml(new TextEncoder().encode('<p>ok</p>'), 'text/html; charset=x-made-up')).toBe('<p>ok</p>');
  });

  it('binary bodies (a PNG header, a PDF with NULs) are BAD_INPUT', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(codeOf(() => decodeHtml(png))).toBe('BAD_INPUT');
    expect(codeOf(() => decodeHtml(latin1('%PDF-1.7\n\u0000\u0001\u0002 binary')))).toBe('BAD_INPUT');
  });

  it('decodeText (feeds, data files) also reads an XML declaration, which a page ignores', () => {
    const feed = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Caf\u00e9 \u0093SI\u0094</title></rss>');
    expect(decodeText(feed)).toContain('Café “SI”');
    expect(decodeHtml(feed)).not.toContain('Café');
  });
});

describe('struck-out text on a page', () => {
  it('is not read: an extended deadline replaces the struck-out one', () => {
    const html = '<h1>Special Issue on Soil Health</h1><p>This special issue collects work on soil health and food security in farms.</p><table><tr><td>Submission Deadline</td><td><strike>Sep 30, 2021</strike> Oct 30, 2021 (extended!)</td></tr><tr><td>Final decision</td><td><del>1 March 2022</del></td></tr></table>';
    const call = parseCfpHtml(html);
    expect(call.dates.submission_deadline).toBe('2021-10-30');
    expect(call.dates.final_decision).toBeUndefined();
  });
});

describe('the Elsevier reader on a real ScienceDirect call (eval/cfp/cases, saved by an MIT-licensed scraper)', () => {
  const page = readFileSync(new URL('../../eval/cfp/cases/elsevier-dss-blockchain.html', import.meta.url), 'utf8');
  const call = parseCfpHtml(page, { url: 'https://www.sciencedirect.com/special-issue/239002/dss-special-issue-on-blockchain-technology-and-applications' });

  it('takes the call heading that follows the posting date, and names the publisher', () => {
    expect(call.title).toBe('Blockchain Technology and Applications');
    expect(call.field_sources?.['title']).toEqual({ from: 'publisher', where: '.date + h3' });
    expect(call.publisher).toBe('Elsevier');
  });

  it('reads the bold editors with their e-mail lines and the end of the submission window, never the posting date', () => {
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Shaokun Fan', 'Noyan Ilk', 'Akhil Kumar', 'J. Leon Zhao', 'Ruiyun “Rayna” Xu']);
    expect(call.guest_editors[0]?.email).toBe('fans@oregonstate.edu');
    expect(call.dates.submission_deadline).toBe('2023-01-15');
  });
});
