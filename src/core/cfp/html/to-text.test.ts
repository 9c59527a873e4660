import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { htmlToText } from './to-text.js';
import { parseCfpHtml } from './parse-html.js';
import { htmlTitle } from './title.js';

const card = (name: string) => `<td><img src="x.jpg" alt="${name}"><div><p class="name"><a href="https://example.org/${name.split(' ')[0]}">${name}</a></p><p>Soil University, UK</p></div></td>`;

describe('layout tables', () => {
  it('reads a table of editor cards cell by cell, and a data table as rows', () => {
    const text = htmlToText(parseDocument(`<h3>Guest Editors</h3><table><tr>${card('Jane Smith')}${card('Kwame Osei')}</tr></table>`).body);
    expect(text).not.toMatch(/UK: /);
    expect(text).toMatch(/Soil University, UK\n\nKwame Osei/);
    expect(htmlToText(parseDocument('<table><tr><td>Deadline</td><td>1 May 2027</td></tr></table>').body)).toBe('Deadline: 1 May 2027');
  });

  it('takes editors from the page when the main content dropped their table', () => {
    const prose = '<p>Soil is where food begins, and this special issue asks how soil carbon, erosion and water interact across farms and regions, and what policy can do about it. We invite original research and reviews from all fields that study soil.</p>'.repeat(4);
    const html = `<html><head><title>Soil and Society</title></head><body><article><h1>Special Issue on Soil and Society</h1>${prose}<h3>Guest Editors</h3><table><tr>${card('Jane Smith')}${card('Kwame Osei')}</tr></table></article></body></html>`;
    expect(parseCfpHtml(html).guest_editors.map((e) => e.name)).toEqual(['Jane Smith', 'Kwame Osei']);
  });
});

describe('round 4: a page headed by its journal', () => {
  it('does not take the journal heading the page for the issue\'s title', () => {
    const html = '<html><head><title>Special Issue</title></head><body><h1>Applied Soil Models in Business and Industry (ASMBI)</h1><p>Authors of papers presented at the conference may submit a full paper for possible publication in a special issue of the ASMBI journal:</p><p><strong><em>“Explainable Soil Science Techniques”</em></strong></p><p>This special issue aims at gathering high quality contributions on innovative methods for soil science and its many applications in industry.</p></body></html>';
    expect(parseCfpHtml(html).title).toBe('Explainable Soil Science Techniques');
  });
});

describe('round 4: keyword chips', () => {
  it('reads sibling spans of one class as a list, and mixed inline text as a paragraph', () => {
    expect(htmlToText(parseDocument('<h3>Keywords</h3><div class="kw"><span class="k">Soil</span> <span class="k">Water</span> <span class="k">Carbon markets</span></div>').body)).toBe('### Keywords\n\n- Soil\n- Water\n- Carbon markets');
    expect(htmlToText(parseDocument('<p><span class="k">Soil</span> and <span class="k">Water</span> and <span class="k">Air</span></p>').body)).toBe('Soil and Water and Air');
  });
});

describe('round 4: a heading that names the journal and the issue', () => {
  it('takes the issue part, without the event acronym after it', () => {
    const html = '<html><head><title>Soil</title></head><body><h1>Special Issue in Soil Letters - AI + Soil (AIS2027)</h1><p>We invite papers on soil and artificial intelligence, on every aspect of how the two can meet, for this special issue of the journal.</p></body></html>';
    expect(parseCfpHtml(html).title).toBe('AI + Soil');
  });
});

describe('round 4: page-body editors only under an editors heading', () => {
  it('does not take a workshop\'s organisers from the page body for guest editors', () => {
    const prose = '<p>Soil is where food begins, and this special issue asks how soil carbon, erosion and water interact across farms and regions, and what policy can do about it. We invite original research and reviews from all fields that study soil.</p>'.repeat(4);
    const html = `<html><head><title>Soil and Society</title></head><body><article><h1>Special Issue on Soil and Society</h1>${prose}<h3>Organizers</h3><table><tr>${card('Jane Smith')}${card('Kwame Osei')}</tr></table></article></body></html>`;
    expect(parseCfpHtml(html).guest_editors).toEqual([]);
  });
});

describe('round 5: preformatted text', () => {
  it('keeps the line breaks and blank lines of an e-mail kept in <pre>', () => {
    const text = htmlToText(parseDocument('<pre>Special Issue\nSoil Letters\n\nTopics include:\n  Soil  carbon\n  Erosion\n</pre><p>a\nb</p>').body);
    expect(text).toBe('Special Issue\nSoil Letters\n\nTopics include:\nSoil carbon\nErosion\n\na b');
  });
});

describe('round 5: a site-wide document title', () => {
  it('is not the call\'s title when the page never repeats it', () => {
    const body = '<pre>Special Issue on Soil Carbon Markets\n\nThis special issue invites papers on how soil carbon is measured, traded and verified across farms and regions.\n</pre>';
    expect(parseCfpHtml(`<html><head><title>Archive Message</title></head><body>${body}</body></html>`).title).toBe('Soil Carbon Markets');
    expect(parseCfpHtml(`<html><head><title>Soil Carbon Markets</title></head><body><p>Soil Carbon Markets</p><p>This special issue invites papers on how soil carbon is measured, traded and verified across farms and regions.</p></body></html>`).title).toBe('Soil Carbon Markets');
  });
});

describe('round 5: event and publisher headings on a page', () => {
  const prose = '<p>This special issue invites papers on how soil carbon is measured, traded and verified across farms and regions, from every field that studies soil.</p>';
  it('does not take a conference heading or "Publisher Journal Call for Papers" for the title', () => {
    expect(htmlTitle(parseDocument(`<h1>SOILCON 2027</h1>${prose}`), {}, undefined)).toBeUndefined();
    expect(htmlTitle(parseDocument(`<h1>2027 SOILCON Hong Kong</h1>${prose}`), {}, undefined)).toBeUndefined();
    expect(htmlTitle(parseDocument(`<h1>Soil Carbon Markets</h1>${prose}`), {}, undefined)?.value).toBe('Soil Carbon Markets');
    expect(parseCfpHtml(`<html><head><title>Sage Journal Call for Papers</title></head><body><h1>Sage Journal Call for Papers</h1><h2>Special Issue on Soil Carbon Markets</h2>${prose}</body></html>`).title).toBe('Soil Carbon Markets');
  });
});
