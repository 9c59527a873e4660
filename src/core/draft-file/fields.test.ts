import { describe, expect, it } from 'vitest';
import { findDraftFields, splitKeywords } from './fields.js';
import { draftFileKind } from './kinds.js';
import { readMarkdownDraft } from './markdown.js';
import { readTexDraft } from './tex.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('findDraftFields', () => {
  it('reads an IEEE-style first page: run-in "Abstract—", "Index Terms—", hyphenated line breaks', () => {
    const text = 'IEEE TRANSACTIONS ON NETWORKING, VOL. 1\nEdge Large Models for\nthe Internet of Things\nA. Author, B. Author\nAbstract—We sched-\nule resources for large models\non edge devices.\nIndex Terms—edge AI, IoT,\nscheduling.\nI. INTRODUCTION\nText.';
    const f = findDraftFields(text);
    expect(f.title).toBe('Edge Large Models for the Internet of Things');
    expect(f.abstract).toBe('We schedule resources for large models on edge devices.');
    expect(f.keywords).toEqual(['edge AI', 'IoT', 'scheduling']);
    expect(f.warnings).toEqual([]);
  });

  it('takes keywords run into the abstract and stops at "1 Introduction"', () => {
    const f = findDraftFields('A Title Here\n\nAbstract\nWe study x. Keywords: a; b\n\n1 Introduction\nMore.');
    expect(f.abstract).toBe('We study x.');
    expect(f.keywords).toEqual(['a', 'b']);
  });

  it('without an "Abstract" label takes the first paragraph, and says so', () => {
    const f = findDraftFields('My title\n\nWe compress models so that they run at the edge of the network.');
    expect(f.title).toBe('My title');
    expect(f.abstract).toBe('We compress models so that they run at the edge of the network.');
    expect(f.warnings.join(' ')).toMatch(/No "Abstract" heading/);
  });

  it('prefers a title hint from the file (largest type, Title style)', () => {
    expect(findDraftFields('Preprint\nSomething else\nAbstract\nWe do x.', { title: 'The Real Title' }).title).toBe('The Real Title');
  });

  it('splits keywords on commas, semicolons and middle dots', () => {
    expect(splitKeywords('a · b; c, d.')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('readTexDraft and readMarkdownDraft', () => {
  it('reads \\title, the abstract environment and \\keywords, ignoring comments', () => {
    const f = readTexDraft('% \\title{Old}\n\\title[Short]{Fast \\textbf{Sorting} in $\\mathcal{O}(n)$}\n\\begin{abstract}We sort~\\cite{k}.\\end{abstract}\n\\keywords{sorting \\sep algorithms}');
    expect(f).toEqual({ title: 'Fast Sorting in O(n)', abstract: 'We sort.', keywords: ['sorting', 'algorithms'], warnings: [] });
  });

  it('says what a .tex file lacks', () => {
    expect(readTexDraft('\\section{Intro} text').warnings).toHaveLength(3);
  });

  it('reads Markdown headings and labels without front matter', () => {
    const f = readMarkdownDraft('# Edge *LLMs*\n\n**Abstract.** We study [edge](http://x) models.\n\n**Keywords:** edge, LLM\n\n## Introduction\n');
    expect(f.title).toBe('Edge LLMs');
    expect(f.abstract).toBe('We study edge models.');
    expect(f.keywords).toEqual(['edge', 'LLM']);
  });

  it('reads YAML front matter lists', () => {
    const f = readMarkdownDraft('---\ntitle: T one\nabstract: |\n  We do x.\n  And y.\nkeywords:\n  - a\n  - b\n---\nBody\n');
    expect(f).toMatchObject({ title: 'T one', abstract: 'We do x. And y.', keywords: ['a', 'b'], warnings: [] });
  });
});

describe('draftFileKind', () => {
  it.each([
    ['p.pdf', '%PDF-1.7', 'pdf'],
    ['p.TEX', '\\title{x}', 'tex'],
    ['notes.md', '# x', 'markdown'],
    ['upload', 'plain words', 'text'],
  ])('%s is %s', (name, content, kind) => expect(draftFileKind(name, enc(content))).toBe(kind));

  it.each([
    ['p.pdf', 'not a pdf', /named as a PDF but is text/],
    ['p.txt', '%PDF-1.4', /named as plain text but is a PDF/],
    ['p.exe', 'MZ', /\.exe files are not read/],
    ['p.txt', 'a\u0000b', /is a binary file/],
  ])('%s with %j is refused', (name, content, msg) => expect(() => draftFileKind(name, enc(content))).toThrow(msg));
});
