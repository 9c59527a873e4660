/**
 * Several editors on one line, as web pages print them when the list's
 * markup is lost: "Tara Kirk Sell, PhD and Crystal Watson, DrPH", "Meghan
 * McGinty, MPH, MBA, and Eric Toner, MD UPMC Center for Health Security",
 * "Chi-Hua Chen2 | Lingjuan Lyu3 | Feng-Jang Hwang4" (footnote numbers
 * pointing at the affiliations below).
 */
import { looksLikeName, TITLE_PREFIX, withPlainAnd } from './names.js';

/** Academic degrees after a name ("Name, PhD", "Name, MPH, MBA"): never part of it. */
/** Degrees and post-nominal letters a name carries (medical, veterinary, nursing, law): "Richard Kock, MA VMB VMD MRCVS". */
export const DEGREE = /,?\s*\b(?:Ph\.?\s?D|M\.?D|MPH|MBA|DrPH|MSc|M\.Sc|BSc|DPhil|FRCPC?|RN|JD|MA|MS|DVM|VMD|VMB|BVSc|MVSc|MRCVS|FRCVS|MBBS|MBChB|MRCP|FRCP|FRCS|FACP|FACS|FAAN|PharmD|DDS|DMD|DNP|MSN|BSN|EdD|LLM|LLB|DSc|MSPH|MPhil|MEng)\b\.?/g;
/** Where an affiliation starts after the last name: an acronym or an organisation's word. */
const AFFILIATION_START = /^(?:[A-Z]{2,}\b|(?:University|Universit\w+|Institute|Institut\w*|College|School|Department|Centre|Center|Laborator\w+|Hospital|Academy|Agenc\w+)\b)/;

/**
 * A name without the footnote number that points at its affiliation ("Chen2").
 *
 * @example
 * withoutFootnote('Chin-Ling Chen1') // 'Chin-Ling Chen'
 */
export function withoutFootnote(name: string): string {
  return name.replace(/(?<=\p{Ll})\d{1,2}(?=\s|$|[,|;])/gu, '');
}

/** The leading name of "Eric Toner UPMC Center for ...": the shortest run of two to four words that is a name and is followed by an affiliation. */
function leadingName(part: string): string | undefined {
  if (looksLikeName(part)) return part;
  const ws = part.split(/\s+/);
  for (let n = 2; n <= Math.min(4, ws.length - 1); n++) {
    const name = ws.slice(0, n).join(' ');
    if (looksLikeName(name) && AFFILIATION_START.test(ws.slice(n).join(' '))) return name;
  }
  return undefined;
}

/**
 * The people a line names when it names two or more, joined by "and", "&",
 * commas or bars; undefined for a line with one person or with anything that
 * is not a name between them.
 *
 * @example
 * peopleOnLine('Tara Kirk Sell, PhD and Crystal Watson, DrPH') // ['Tara Kirk Sell', 'Crystal Watson']
 * peopleOnLine('Jane Smith (Soil University) and Kwame Osei (k@soil.org)') // ['Jane Smith', 'Kwame Osei']
 * peopleOnLine('Jane Smith (Soil University), Kwame Osei (Soil Lab), Ana Lima (ISA)') // ['Jane Smith', 'Kwame Osei', 'Ana Lima']
 * peopleOnLine('Jane Smith, University of Soil, UK') // undefined
 */
export function peopleOnLine(text: string): string[] | undefined {
  if (text.length > 300) return undefined;
  // Affiliations and e-mails in parentheses ("A (Univ X) and B (b@y.org)") are asides, not names.
  // Markdown emphasis around the names ("**A, B and C**") and "and" in French, German, Spanish or Portuguese ("A et B") are read as plain "and".
  const bare = withoutFootnote(withPlainAnd(text).replace(DEGREE, '').replace(/\s*\([^()]*\)/g, '').replace(/\*\*|__/g, '')).trim();
  return byNames(bare) ?? byPeople(bare) ?? byAsides(withoutFootnote(withPlainAnd(text).replace(/\*\*|__/g, '')));
}

/**
 * "A (Univ X), B (Lab Y), C (Z)", "A (Univ X) B (Lab Y)": each person's affiliation in parentheses after the name,
 * the people parted by commas, "and" or nothing at all; every part before its parenthesis must be a name.
 */
function byAsides(text: string): string[] | undefined {
  const asides = text.match(/\([^()]*\)/g) ?? [];
  if (asides.length < 2) return undefined;
  const parts = text.split(/\s*\([^()]*\)\s*/).map((p) => p.replace(/^[,;]?\s*(?:and\s+|&\s*)?/, '').replace(TITLE_PREFIX, '').replace(DEGREE, '').trim());
  // Nothing but the last aside's end may follow the last name ("... C (Z)." or "... C (Z)").
  if ((parts[parts.length - 1] ?? '').replace(/[.,;]/g, '').trim() === '') parts.pop();
  if (parts.length !== asides.length || !parts.every((p) => looksLikeName(p))) return undefined;
  return parts;
}

/** "A, Affiliation and B, Affiliation", "A, Affiliation; B, Affiliation": one person per part, each its name before the first comma. */
function byPeople(bare: string): string[] | undefined {
  const chunks = bare.split(/\s*;\s*|,?\s+(?:and|&)\s+/);
  // A short affiliation each (one comma at most): "and" inside a long one ("School of Computer and Control Engineering, China") does not start a person.
  if (chunks.some((c) => (c.match(/,/g) ?? []).length > 1)) return undefined;
  const parts = chunks.map((p) => (p.split(',')[0] ?? '').replace(TITLE_PREFIX, '').trim()).filter(Boolean);
  if (parts.length < 2 || !parts.every((p) => looksLikeName(p))) return undefined;
  return parts;
}

function byNames(bare: string): string[] | undefined {
  let parts: string[];
  if (bare.includes('|')) parts = bare.split(/\s*\|\s*/);
  else {
    // "A, B and C, Affiliation": the names before "and", then the last name up to its affiliation.
    const m = /^(.*?),?\s+(?:and|&)\s+(.*)$/.exec(bare);
    if (!m?.[1] || !m[2]) return undefined;
    parts = [...m[1].split(/\s*,\s*/), m[2].split(',')[0] ?? ''];
  }
  parts = parts.map((p) => p.replace(TITLE_PREFIX, '').trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  const names = parts.slice(0, -1);
  const last = leadingName(parts[parts.length - 1] ?? '');
  if (!last || !names.every((n) => looksLikeName(n))) return undefined;
  return [...names, last];
}
