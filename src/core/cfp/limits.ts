/**
 * Fit a parsed call into the schema's size limits before it is validated.
 *
 * The limits (CALL_LIMITS) protect the store and the page from absurd input; a
 * real CFP can still overflow one when a rule reads too much (a paragraph taken
 * as one topic, prose run into an editor's affiliation). That is a parser
 * mistake in one field, not a reason to refuse the whole call: the field is cut
 * or dropped here, and a warning says so.
 */
import { CALL_LIMITS, type GuestEditor, type SubmissionRules } from '../schema.js';

/** The parts of a parsed call that have a size limit. */
export interface Fittable {
  title: string;
  venue?: string;
  publisher?: string;
  scope: string;
  topics: string[];
  guest_editors: GuestEditor[];
  rules: SubmissionRules;
  warnings: string[];
}

/** Cut `s` to at most `max` characters at a word boundary, ending with "…". */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  // A word boundary in the last fifth keeps words whole; a run with no space is cut where it must be.
  return `${(space > max * 0.8 ? head.slice(0, space) : head).trimEnd()}…`;
}

function fitList(items: string[] | undefined, max: number, what: string, warnings: string[]): string[] | undefined {
  if (!items) return items;
  const kept = items.filter((i) => i.length <= max);
  if (kept.length < items.length) warnings.push(`${items.length - kept.length} ${what} over ${max} characters dropped (read as one item, it is more likely prose)`);
  if (kept.length > CALL_LIMITS.listItems) warnings.push(`${what}: only the first ${CALL_LIMITS.listItems} of ${kept.length} kept`);
  return kept.slice(0, CALL_LIMITS.listItems);
}

function fitEditor(e: GuestEditor, warnings: string[]): GuestEditor | undefined {
  if (e.name.length > CALL_LIMITS.editorName) {
    warnings.push(`a guest editor's name over ${CALL_LIMITS.editorName} characters dropped (not a name)`);
    return undefined;
  }
  const out: GuestEditor = { ...e };
  if (out.affiliation !== undefined && out.affiliation.length > CALL_LIMITS.affiliation) {
    warnings.push(`the affiliation of ${e.name} was over ${CALL_LIMITS.affiliation} characters (prose run into it) and was dropped`);
    delete out.affiliation;
  }
  if (out.email !== undefined && out.email.length > CALL_LIMITS.email) {
    warnings.push(`the e-mail of ${e.name} was over ${CALL_LIMITS.email} characters and was dropped`);
    delete out.email;
  }
  return out;
}

/**
 * Return `c` with every limited field inside its limit: long texts cut at a word,
 * over-long list items and editor parts dropped, long lists shortened, each with
 * a warning. Fields within their limits are returned unchanged.
 *
 * @example
 * fitToLimits({ title: 'T', scope: '', topics: ['x'.repeat(600)], guest_editors: [], rules: {}, warnings: [] }).topics;
 * // [] (and a warning that one topic was dropped)
 */
export function fitToLimits<T extends Fittable>(c: T): T {
  const warnings = [...c.warnings];
  const out: T = { ...c };
  if (c.title.length > CALL_LIMITS.title) {
    out.title = cutText(c.title, CALL_LIMITS.title);
    warnings.push(`the title was over ${CALL_LIMITS.title} characters and was cut`);
  }
  for (const key of ['venue', 'publisher'] as const) {
    const v = c[key];
    if (v !== undefined && v.length > CALL_LIMITS[key]) {
      delete out[key];
      warnings.push(`the ${key} read was over ${CALL_LIMITS[key]} characters (not a name) and was dropped`);
    }
  }
  if (c.scope.length > CALL_LIMITS.scope) {
    out.scope = cutText(c.scope, CALL_LIMITS.scope);
    warnings.push(`the scope was over ${CALL_LIMITS.scope} characters and was cut`);
  }
  const topics = c.topics.filter((t) => t.length <= CALL_LIMITS.topic);
  if (topics.length < c.topics.length) warnings.push(`${c.topics.length - topics.length} topic(s) over ${CALL_LIMITS.topic} characters dropped (read as one topic, it is more likely a paragraph)`);
  if (topics.length > CALL_LIMITS.topics) warnings.push(`only the first ${CALL_LIMITS.topics} of ${topics.length} topics kept`);
  out.topics = topics.slice(0, CALL_LIMITS.topics);
  const editors = c.guest_editors.flatMap((e) => fitEditor(e, warnings) ?? []);
  if (editors.length > CALL_LIMITS.editors) warnings.push(`only the first ${CALL_LIMITS.editors} of ${editors.length} guest editors kept`);
  out.guest_editors = editors.slice(0, CALL_LIMITS.editors);
  const rules: SubmissionRules = { ...c.rules };
  if (rules.file_formats) rules.file_formats = fitList(rules.file_formats, CALL_LIMITS.listItem, 'file format(s)', warnings);
  if (rules.notes) rules.notes = fitList(rules.notes, CALL_LIMITS.listItem, 'submission note(s)', warnings);
  out.rules = rules;
  // Warnings last, so the ones added above are fitted too.
  out.warnings = warnings.map((w) => cutText(w, CALL_LIMITS.listItem)).slice(0, CALL_LIMITS.warnings);
  return out;
}
