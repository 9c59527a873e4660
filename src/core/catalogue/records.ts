/**
 * One bulk record to a Call. A record may be a full Call, the evaluation format
 * (`id, title, venue, publisher, description, topics, deadline`), or an aggregator's shape
 * (`title, topics[], description (text or {paragraphs}), editors[], dates[{date, description,
 * deadline flag}]`, with `journal`, `url`, ...). Field names other sources use are read too; a
 * source can name its own with `map` (target field -> record key).
 */
import { parseDate } from '../cfp/dates.js';
import { slugify } from '../cfp/slug.js';
import { announcementOnly } from '../cfp/title-announce.js';
import { createError } from '../errors.js';
import { Call, callFromEval, EvalCall, isCallId, type GuestEditor, type IsoDate } from '../schema.js';
import { fieldIssues } from '../validate.js';

type Rec = Record<string, unknown>;

const ALIASES = {
  title: ['title', 'metaTitle', 'name'],
  venue: ['venue', 'journal', 'journal_title'],
  publisher: ['publisher', 'provider'],
  scope: ['description', 'scope', 'summary', 'abstract'],
  topics: ['topics', 'keywords', 'tags'],
  deadline: ['deadline', 'submission_deadline', 'full_paper_deadline', 'dueDate', 'due_date'],
  url: ['url', 'cfp_url', 'link', 'href'],
  editors: ['editors', 'guest_editors'],
} as const;
type Field = keyof typeof ALIASES;

const EVAL_KEYS = new Set(['id', 'title', 'venue', 'publisher', 'description', 'topics', 'deadline']);
const DEADLINE_FLAGS = ['is_full_paper_submission_deadline', 'is_deadline', 'deadline', 'is_submission_deadline'];

function pick(rec: Rec, field: Field, map: Record<string, string> | undefined): unknown {
  const mapped = map?.[field];
  if (mapped !== undefined) return rec[mapped];
  for (const k of ALIASES[field]) if (rec[k] !== undefined && rec[k] !== null && rec[k] !== '') return rec[k];
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/** A date as data sets write it: ISO (timestamps cut to the day), epoch milliseconds, or prose ("31 March 2026"). */
export function readDate(v: unknown): IsoDate | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v).toISOString().slice(0, 10);
  const s = str(v);
  if (!s) return undefined;
  const head = /^\d{4}-\d{2}-\d{2}/.exec(s)?.[0];
  if (head) return head;
  return parseDate(s) ?? (Number.isFinite(Date.parse(s)) ? new Date(Date.parse(s)).toISOString().slice(0, 10) : undefined);
}

function scopeOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (v && typeof v === 'object' && Array.isArray((v as Rec).paragraphs)) {
    return ((v as Rec).paragraphs as unknown[]).map(str).filter(Boolean).join('\n\n');
  }
  return '';
}

function listOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str).filter((s): s is string => s !== undefined);
  const s = str(v);
  return s ? s.split(/\s*(?:;|\||\n)\s*/).filter(Boolean) : [];
}

function editorsOf(v: unknown): GuestEditor[] {
  if (Array.isArray(v)) {
    return v.flatMap((e): GuestEditor[] => {
      if (typeof e === 'string') return e.trim() ? [{ name: e.trim() }] : [];
      if (e && typeof e === 'object' && str((e as Rec).name)) {
        const r = e as Rec;
        return [{ name: str(r.name) as string, ...(str(r.affiliation) ? { affiliation: str(r.affiliation) } : {}), ...(str(r.email) ? { email: str(r.email) } : {}) }];
      }
      return [];
    });
  }
  // "A, B and C" as one string; placeholders like "Various" are not people.
  return listOf(typeof v === 'string' ? v.replace(/\band\b/g, ',').replace(/,/g, ';') : v)
    .filter((n) => /\s/.test(n) && !/^(various|tba|tbd|n\/a)$/i.test(n))
    .map((name) => ({ name }));
}

/** The submission deadline of an aggregator's `dates` list: the entry flagged as the deadline. */
function flaggedDeadline(v: unknown): IsoDate | undefined {
  if (!Array.isArray(v)) return undefined;
  const entries = v.filter((d): d is Rec => typeof d === 'object' && d !== null);
  // Some sources flag abstract and revision dates too: the first flagged one that is not one of those.
  const flaggedAll = entries.filter((d) => DEADLINE_FLAGS.some((f) => d[f] === true) && readDate(d.date));
  const flagged = flaggedAll.find((d) => !/abstract|revis|resubmi|second|final|decision/i.test(str(d.description) ?? '')) ?? flaggedAll[0];
  const described = entries.find((d) => /full paper|submission deadline|manuscript/i.test(str(d.description) ?? ''));
  return readDate((flagged ?? described)?.date);
}

const WRAPPERS = [
  /^call\s+for\s+papers?\s*(?:on|for)?\s*[:\-–—]?\s*/i,
  /^cfp\s*[:\-–—]?\s*/i,
  /^\(?special\s+(?:issue|section)(?:\s*@\s*\w+)?\)?\s*(?:on\b)?\s*[:\-–—]?\s*/i,
];

/**
 * A listed title without "Call for Papers: Special Issue on" wrapping and quotes, when what is left
 * still reads as a title (three words or more); else the title as given.
 *
 * @example
 * cleanListedTitle('Call for Papers: Special Issue on "Digital Resilience in Firms"') // 'Digital Resilience in Firms'
 */
export function cleanListedTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  let rest = t;
  for (let changed = true; changed; ) {
    const before = rest;
    for (const w of WRAPPERS) rest = rest.replace(w, '');
    changed = rest !== before;
  }
  rest = rest.replace(/^["“'‘]+|["”'’]+$/g, '').trim();
  // "Call for papers for a Special Issue of X" names no topic: keep it whole rather than leave "a Special Issue of X".
  return rest !== t && rest.split(' ').length >= 3 && !/^(?:a|an|the)\s+special\b/i.test(rest) ? rest : t;
}

/** The record's page URL, when it has one (used for provenance and de-duplication). */
export function recordUrl(rec: Rec, map?: Record<string, string>): string | undefined {
  const u = str(pick(rec, 'url', map));
  return u && /^https?:\/\//i.test(u) ? u : undefined;
}

/**
 * Map one record to a validated Call. Throws VALIDATION naming the record when it has no title
 * or a field is invalid.
 *
 * @example
 * callFromRecord({ title: 'Digital Resilience', journal: 'MIS Quarterly', dates: [{ date: '2025-06-30', description: 'Full paper', is_full_paper_submission_deadline: true }] })
 */
export function callFromRecord(rec: Rec, opts: { map?: Record<string, string>; where?: string } = {}): Call {
  const where = opts.where ?? 'record';
  const keys = Object.keys(rec);
  if ('scope' in rec || (typeof rec.dates === 'object' && rec.dates !== null && !Array.isArray(rec.dates))) {
    const r = Call.safeParse(rec);
    if (r.success) return r.data;
    throw createError('VALIDATION', `${where}: not a valid call`, { fields: fieldIssues(r.error) });
  }
  if (!opts.map && keys.every((k) => EVAL_KEYS.has(k)) && typeof rec.id === 'string') return callFromEval(EvalCall.parse(rec), isCallId(rec.id) ? rec.id : slugify(rec.id));
  const raw = str(pick(rec, 'title', opts.map));
  const title = raw ? cleanListedTitle(raw) : undefined;
  if (!title) throw createError('VALIDATION', `${where}: no title`, { fields: [{ path: 'title', message: 'missing' }] });
  const idKey = opts.map?.id;
  const id = idKey === 'title' ? undefined : str(rec[idKey ?? 'id']);
  const deadline = readDate(pick(rec, 'deadline', opts.map)) ?? flaggedDeadline(rec.dates);
  const r = Call.safeParse({
    id: id && isCallId(id) ? id : slugify(title, 60),
    title,
    ...(str(pick(rec, 'venue', opts.map)) ? { venue: str(pick(rec, 'venue', opts.map)) } : {}),
    ...(str(pick(rec, 'publisher', opts.map)) ? { publisher: str(pick(rec, 'publisher', opts.map)) } : {}),
    scope: scopeOf(pick(rec, 'scope', opts.map)),
    topics: listOf(pick(rec, 'topics', opts.map)),
    dates: deadline ? { submission_deadline: deadline } : {},
    guest_editors: editorsOf(pick(rec, 'editors', opts.map)),
  });
  if (!r.success) throw createError('VALIDATION', `${where}: not a valid call`, { fields: fieldIssues(r.error) });
  const call = r.data;
  // "Call for papers for a Special Issue of Information & Management" with no description or topics:
  // nothing a draft could match but the journal's name, which would put it at the top of every draft
  // that says "information". Refused by name; the rest of the file still imports.
  if (!call.scope.trim() && call.topics.length === 0 && announcementOnly(call.title, [call.venue, call.publisher].filter((v): v is string => !!v))) {
    throw createError('VALIDATION', `${where}: "${call.title}" names no issue (only its journal) and the record has no description or topics to match a draft against`, {
      fields: [{ path: 'title', message: 'names no issue' }],
    });
  }
  return call;
}
