/**
 * Is a newly imported call one the catalogue already has? The rule, in order:
 * 1. a source URL in common (normalised: scheme, `www.`, trailing slash and tracking parameters
 *    ignored; fragments kept, since one listing page holds several calls under anchors) -> same;
 * 2. the same normalised title (prefixes like "Call for papers:" / "Special issue on" and
 *    punctuation dropped), compatible venues (equal, one missing, or one containing the other):
 *    - different edition marks ("2nd edition", "II", "Part 2"), or deadlines more than
 *      EDITION_GAP_DAYS apart -> `edition`: a later call of the same series, reported, not merged;
 *    - else -> same;
 *    same title, different venues -> near (reported);
 * 3. titles sharing most words (Jaccard >= 0.75, or one inside the other): same when the venue,
 *    the deadline and a guest editor agree, else near;
 * 4. different titles but the same venue, deadline and at least two guest editors -> near.
 * `same` merges into one call with both sources; `near` and `edition` are only reported.
 */
import type { Call } from '../schema.js';

export const EDITION_GAP_DAYS = 120;

export type Verdict = { kind: 'same' | 'near' | 'edition'; id: string; reason: string };

const PREFIX =
  /^(?:(?:call\s+for\s+(?:papers|submissions|contributions|chapters|abstracts)|cfp|(?:virtual\s+)?special\s+(?:issue|section|collection|topic)|vsi|si|research\s+topic|thematic\s+(?:issue|section)|topical\s+collection)\b(?:\s+(?:on|of|in|for))?[\s:.\-–—]*)+/;
const EDITION = /\b(?:(\d+)(?:st|nd|rd|th)\s+edition|edition\s+(\d+|[ivx]+)|(first|second|third|fourth|fifth)\s+edition|part\s+(\d+|[ivx]+)|vol(?:ume)?\.?\s*(\d+|[ivx]+)|(ii|iii|iv|v|vi))\b/;
const STOP = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'on', 'for', 'to', 'with', 'its', 'their', 'from', 'at', 'by', 'towards', 'toward']);

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[“”"'‘’«»]/g, '')
    .replace(/&/g, ' and ');

/** The title without call-for-papers wrapping, edition marks, punctuation and case. */
export function normalTitle(title: string): string {
  const t = fold(title).replace(/\s+/g, ' ').trim().replace(PREFIX, '').replace(/^(?:on|of)\s+/, '');
  return t
    .replace(new RegExp(EDITION.source, 'g'), ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The edition mark of a title ("2nd edition" -> "2"), if it has one. */
export function editionOf(title: string): string | undefined {
  const m = EDITION.exec(fold(title));
  if (!m) return undefined;
  const raw = m.slice(1).find((g) => g !== undefined) ?? '';
  const words: Record<string, string> = { first: '1', second: '2', third: '3', fourth: '4', fifth: '5', i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6' };
  return words[raw] ?? raw;
}

/** A URL as a key: no scheme, no `www.`, no trailing slash, no tracking parameters. */
export function normalUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|ref$|source$)/i.test(k)) u.searchParams.delete(k);
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.hostname.replace(/^www\./, '').toLowerCase()}${path}${u.search}${u.hash}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

const normVenue = (v: string | undefined): string => (v ? fold(v).replace(/^the\s+/, '').replace(/[^a-z0-9]+/g, ' ').trim() : '');

function venuesAgree(a: string | undefined, b: string | undefined): 'same' | 'unknown' | 'different' {
  const x = normVenue(a);
  const y = normVenue(b);
  if (!x || !y) return 'unknown';
  return x === y || x.includes(y) || y.includes(x) ? 'same' : 'different';
}

const words = (t: string): Set<string> => new Set(t.split(' ').filter((w) => w.length > 1 && !STOP.has(w)));

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

const surname = (name: string): string => fold(name).replace(/[^a-z\s-]/g, ' ').trim().split(/\s+/).pop() ?? '';

function sharedEditors(a: Call, b: Call): number {
  const x = new Set(a.guest_editors.map((e) => surname(e.name)).filter(Boolean));
  return new Set(b.guest_editors.map((e) => surname(e.name)).filter((s) => x.has(s))).size;
}

function daysApart(a: string | undefined, b: string | undefined): number | undefined {
  if (!a || !b) return undefined;
  return Math.abs(Date.parse(a.length === 7 ? `${a}-28` : a) - Date.parse(b.length === 7 ? `${b}-28` : b)) / 86_400_000;
}

/**
 * Compare a new call (with its source URLs) against one the catalogue holds.
 *
 * @example
 * compareCalls(newCall, ['https://x.org/si/1'], stored, ['https://www.x.org/si/1/']) // { kind: 'same', reason: 'same source URL', ... }
 */
export function compareCalls(a: Call, aUrls: readonly string[], b: Call, bUrls: readonly string[]): Verdict | undefined {
  const urls = new Set(bUrls.map(normalUrl));
  if (aUrls.some((u) => urls.has(normalUrl(u)))) return { kind: 'same', id: b.id, reason: 'same source URL' };
  const ta = normalTitle(a.title);
  const tb = normalTitle(b.title);
  if (!ta || !tb) return undefined;
  const venue = venuesAgree(a.venue, b.venue);
  const gap = daysApart(a.dates.submission_deadline, b.dates.submission_deadline);
  if (ta === tb) {
    if (venue === 'different') return { kind: 'near', id: b.id, reason: `same title, venues differ ("${a.venue}" / "${b.venue}")` };
    const ea = editionOf(a.title);
    const eb = editionOf(b.title);
    if (ea !== eb) return { kind: 'edition', id: b.id, reason: `same title, edition ${ea ?? '1'} / ${eb ?? '1'}` };
    if (gap !== undefined && gap > EDITION_GAP_DAYS) return { kind: 'edition', id: b.id, reason: `same title, deadlines ${Math.round(gap)} days apart` };
    return { kind: 'same', id: b.id, reason: venue === 'same' ? 'same title and venue' : 'same title, one venue unknown' };
  }
  const wa = words(ta);
  const wb = words(tb);
  const overlap = jaccard(wa, wb);
  const inside = ` ${tb} `.includes(` ${ta} `) || ` ${ta} `.includes(` ${tb} `);
  const editors = sharedEditors(a, b);
  if (overlap >= 0.75 || inside) {
    if (venue === 'same' && gap === 0 && editors >= 1) return { kind: 'same', id: b.id, reason: 'similar title, same venue, deadline and editors' };
    // A short title inside a longer one ("Deep Learning" / "Deep Learning for Health") is not worth a report.
    if (venue !== 'different' && (overlap >= 0.75 || Math.min(wa.size, wb.size) >= 3)) return { kind: 'near', id: b.id, reason: `similar titles (${Math.round(overlap * 100)}% of words shared)` };
  }
  if (venue === 'same' && gap === 0 && editors >= 2) return { kind: 'near', id: b.id, reason: `same venue, deadline and ${editors} guest editors, different titles` };
  return undefined;
}

/** Source URLs of a stored call. */
export const urlsOf = (c: Call): string[] => (c.sources ?? []).map((s) => s.url);

/**
 * An index of the catalogue's calls for de-duplication: candidates come from shared source URLs,
 * shared normalised titles and shared title words, so a new call is compared with a handful of
 * calls rather than all of them.
 *
 * @example
 * const index = createDedupeIndex(await store.list());
 * index.match(newCall, ['https://x.org/si/1']) // [{ kind: 'same', id: 'stored-id', reason }]
 */
export function createDedupeIndex(calls: Iterable<Call>) {
  const byId = new Map<string, Call>();
  const byUrl = new Map<string, Set<string>>();
  const byWord = new Map<string, Set<string>>();
  const byEditor = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, id: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(id);
    map.set(key, set);
  };
  const remove = (id: string) => {
    const old = byId.get(id);
    if (!old) return;
    for (const u of urlsOf(old)) byUrl.get(normalUrl(u))?.delete(id);
    for (const w of words(normalTitle(old.title))) byWord.get(w)?.delete(id);
    for (const e of old.guest_editors) byEditor.get(surname(e.name))?.delete(id);
    byId.delete(id);
  };
  const put = (call: Call) => {
    remove(call.id);
    byId.set(call.id, call);
    for (const u of urlsOf(call)) add(byUrl, normalUrl(u), call.id);
    for (const w of words(normalTitle(call.title))) add(byWord, w, call.id);
    for (const e of call.guest_editors) if (surname(e.name)) add(byEditor, surname(e.name), call.id);
  };
  for (const c of calls) put(c);
  return {
    put,
    remove,
    get: (id: string) => byId.get(id),
    /** Calls that hold this source URL. */
    withUrl: (url: string): Call[] => [...(byUrl.get(normalUrl(url)) ?? [])].flatMap((id) => byId.get(id) ?? []),
    /** Verdicts against the candidate calls, `same` first. */
    match(call: Call, urls: readonly string[]): Verdict[] {
      const counts = new Map<string, number>();
      for (const u of urls) for (const id of byUrl.get(normalUrl(u)) ?? []) counts.set(id, 99);
      const ws = words(normalTitle(call.title));
      for (const w of ws) {
        const ids = byWord.get(w);
        // A word in thousands of titles ("learning") says little; rarer shared words pick the candidates.
        if (!ids || ids.size > 2_000) continue;
        for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      // Calls sharing two guest editors are candidates whatever their titles (rule 4).
      const editorHits = new Map<string, number>();
      for (const e of new Set(call.guest_editors.map((g) => surname(g.name)))) for (const id of byEditor.get(e) ?? []) editorHits.set(id, (editorHits.get(id) ?? 0) + 1);
      for (const [id, n] of editorHits) if (n >= 2) counts.set(id, 99);
      const need = Math.max(1, Math.ceil(ws.size * 0.5));
      const verdicts: Verdict[] = [];
      for (const [id, n] of counts) {
        const other = byId.get(id);
        if (n < need || !other) continue;
        const v = compareCalls(call, urls, other, urlsOf(other));
        if (v) verdicts.push(v);
      }
      const order = { same: 0, edition: 1, near: 2 };
      return verdicts.sort((x, y) => order[x.kind] - order[y.kind]);
    },
  };
}
export type DedupeIndex = ReturnType<typeof createDedupeIndex>;
