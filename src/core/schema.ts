/**
 * zod schemas for every structure that crosses a boundary, and the types
 * inferred from them. Routes, the CLI, the parser and the stores validate
 * with these and nothing else.
 */
import { z } from 'zod';
import { createError } from './errors.js';
import { fieldIssues, issueSummary } from './validate.js';
import { Exemplar, MAX_PAPERS_PER_CALL } from './papers/schema.js';

/**
 * `YYYY-MM-DD`, or `YYYY-MM` when a CFP gives only a month (e.g. "Publication Date: March 2026").
 * Years start at 1000: Date.UTC reads years 0-99 as 1900-1999, so `0025-01-01` would silently become 1925.
 */
export const IsoDate = z
  .string()
  .regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected a date as YYYY-MM-DD (year 1000-9999)')
  // The regex lets 2025-02-30 through; Date.UTC would silently roll it over to March.
  .refine(isCalendarDate, 'not a calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

/** A whole day, `YYYY-MM-DD` only: what `as_of` means (a month alone is not a day to rank on). */
export const IsoDay = IsoDate.refine((s) => s.length === 10, 'expected a full date as YYYY-MM-DD');

function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (d === undefined || y === undefined || m === undefined) return true;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/**
 * Limits on every stored field of a call. A call is embedded passage by passage (title, each topic,
 * scope chunks), so these bound what one ingest can cost; no real CFP comes near them (the largest
 * scope in data/calls and the eval suites is 3,674 characters, the most topics 14).
 */
export const CALL_LIMITS = {
  title: 1_000,
  venue: 500,
  publisher: 500,
  scope: 20_000,
  topics: 100,
  topic: 500,
  editors: 50,
  editorName: 200,
  affiliation: 500,
  email: 320,
  url: 2_048,
  listItems: 50,
  listItem: 1_000,
  warnings: 100,
  fieldSources: 100,
  sourceText: 400_000,
} as const;

/**
 * An absolute http(s) URL: anything else (`javascript:`, `data:`, relative paths) is refused,
 * because stored URLs are rendered as links.
 */
export const HttpUrl = z
  .string()
  .max(CALL_LIMITS.url)
  .refine(isHttpUrl, 'expected an absolute http:// or https:// URL');

function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

const capped = (max: number) => z.string().max(max);

export const CallId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'ids are letters, digits, ".", "_", ":" and "-"');

export const GuestEditor = z.object({
  name: z.string().min(1).max(CALL_LIMITS.editorName),
  affiliation: capped(CALL_LIMITS.affiliation).optional(),
  email: capped(CALL_LIMITS.email).optional(),
  lead: z.boolean().optional(),
});
export type GuestEditor = z.infer<typeof GuestEditor>;

export const CallDates = z.object({
  submission_deadline: IsoDate.optional(),
  /** The abstracts' (first-stage) deadline of a call that gives no paper deadline yet: shown, never read as the submission deadline. */
  abstract_deadline: IsoDate.optional(),
  first_decision: IsoDate.optional(),
  revision: IsoDate.optional(),
  final_decision: IsoDate.optional(),
  final_manuscript: IsoDate.optional(),
  publication: IsoDate.optional(),
});
export type CallDates = z.infer<typeof CallDates>;

export const SubmissionRules = z.object({
  abstract_max_words: z.number().int().positive().optional(),
  abstract_min_words: z.number().int().positive().optional(),
  keywords_min: z.number().int().nonnegative().optional(),
  keywords_max: z.number().int().positive().optional(),
  file_formats: z.array(capped(CALL_LIMITS.listItem)).max(CALL_LIMITS.listItems).optional(),
  /** Other stated requirements, verbatim (bios, references, photographs...). */
  notes: z.array(capped(CALL_LIMITS.listItem)).max(CALL_LIMITS.listItems).optional(),
});
export type SubmissionRules = z.infer<typeof SubmissionRules>;

/** Where a call was imported from (catalogue provenance; see docs/catalogue.md). */
export const CallSource = z.object({
  url: z.string().min(1).max(2_000),
  kind: z.enum(['page', 'feed', 'listing', 'bulk']),
  /** The listing, feed or bulk file the call was found through, when `url` is the call's own page or record. */
  via: z.string().max(2_000).optional(),
  /** The source's name (`--source-name`, the sources file's `name`). */
  name: z.string().max(200).optional(),
  /** When this source last returned the content the call was parsed from (ISO timestamp). */
  fetched_at: z.string().max(40),
  /** sha256 of the document's bytes (bulk and feed items: of the record). */
  content_hash: z.string().max(128).optional(),
  etag: z.string().max(500).optional(),
  last_modified: z.string().max(100).optional(),
  /** Licence or terms of the source's data, when known. */
  licence: z.string().max(300).optional(),
  /** When the call was last seen missing from this source (ISO timestamp). */
  removed_at: z.string().max(40).optional(),
});
export type CallSource = z.infer<typeof CallSource>;

/** A submission deadline the call had before (an extension moves the old one here). */
export const DeadlineChange = z.object({
  deadline: IsoDate,
  /** When the newer deadline was first seen (ISO timestamp). */
  replaced_at: z.string().max(40),
  source: z.string().max(2_000).optional(),
});
export type DeadlineChange = z.infer<typeof DeadlineChange>;

/** Where one extracted field of a call came from, so a page can show it (and a reviewer check it). */
export const FieldSource = z.object({
  /** `text-line`: a line of pasted text; `html-element`: an element of a web page; `meta`: page metadata (og:, citation_, JSON-LD); `publisher`: a publisher-specific reader; `llm`: the optional model extraction; `curated`: a hand-curated file. */
  from: z.enum(['text-line', 'html-element', 'meta', 'publisher', 'llm', 'curated']),
  /** Human-readable location: "line 3", "lines 12-20", "h1", "meta og:title". */
  where: z.string().max(300),
});
export type FieldSource = z.infer<typeof FieldSource>;

export const Call = z.object({
  id: CallId,
  title: z.string().min(1).max(CALL_LIMITS.title),
  venue: capped(CALL_LIMITS.venue).optional(),
  publisher: capped(CALL_LIMITS.publisher).optional(),
  scope: capped(CALL_LIMITS.scope).default(''),
  topics: z.array(z.string().min(1).max(CALL_LIMITS.topic)).max(CALL_LIMITS.topics).default([]),
  dates: CallDates.default({}),
  guest_editors: z.array(GuestEditor).max(CALL_LIMITS.editors).default([]),
  submission_url: HttpUrl.optional(),
  guidelines_url: HttpUrl.optional(),
  rules: SubmissionRules.default({}),
  /** Problems the parser found in the source text (e.g. a date that contradicts the others). */
  warnings: z.array(capped(CALL_LIMITS.listItem)).max(CALL_LIMITS.warnings).default([]),
  /** Where each extracted field came from (`title`, `venue`, `publisher`, `topics`, `dates.submission_deadline`, `guest_editors`, ...). */
  field_sources: z
    .record(z.string().max(100), FieldSource)
    .refine((r) => Object.keys(r).length <= CALL_LIMITS.fieldSources, `at most ${CALL_LIMITS.fieldSources} field sources`)
    .optional(),
  /** The raw CFP text the call was parsed from, when there is one. */
  source_text: capped(CALL_LIMITS.sourceText).optional(),
  /** Catalogue provenance: every source this call was imported from (absent for hand-added calls). */
  sources: z.array(CallSource).max(50).optional(),
  /** `withdrawn`: gone from its sources before its deadline; absent means active. */
  status: z.enum(['active', 'withdrawn']).optional(),
  /** Earlier submission deadlines, oldest first (extensions). */
  deadline_history: z.array(DeadlineChange).max(50).optional(),
  /** When the catalogue first imported the call and last changed its content (ISO timestamps). */
  first_seen: z.string().max(40).optional(),
  updated_at: z.string().max(40).optional(),
  /** Published papers of the call (exemplars): ranked against as their own evidence (papers/, rank/exemplar-*.ts). */
  papers: z.array(Exemplar).max(MAX_PAPERS_PER_CALL).optional(),
  /** Per-call triage thresholds on the in-scope probability (override the defaults, overridden per request). */
  triage: z
    .object({ in_scope: z.number().min(0).max(1).optional(), borderline: z.number().min(0).max(1).optional() })
    .strict()
    .refine((t) => t.in_scope === undefined || t.borderline === undefined || t.borderline <= t.in_scope, {
      message: 'borderline must not be above in_scope',
      path: ['borderline'],
    })
    .optional(),
});
export type Call = z.infer<typeof Call>;
export type CallInput = z.input<typeof Call>;

/**
 * A deadline as data sets write it: `YYYY-MM-DD`, a timestamp that starts with one, or anything
 * `Date.parse` reads (`April 15, 2025`). Unreadable values become `null` (deadline unknown) rather
 * than failing a whole file over one call.
 */
const LenientDate = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v): IsoDate | null => {
    if (v === null || v === undefined || v === '') return null;
    const text = String(v).trim();
    const head = /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0];
    if (head && IsoDate.safeParse(head).success) return head;
    const t = typeof v === 'number' ? v : Date.parse(text);
    return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
  });

/**
 * The evaluation / interchange format (one object per line in calls.jsonl).
 * Unknown fields are ignored. Ids may be any non-empty string here: callFromEval
 * takes an internal id when the external one is not a valid CallId.
 */
export const EvalCall = z.object({
  id: z.string().min(1).max(500),
  title: z.string().nullish(),
  venue: z.string().nullish(),
  publisher: z.string().nullish(),
  description: z.string().nullish(),
  topics: z.array(z.string()).nullish(),
  deadline: LenientDate.optional(),
});
export type EvalCall = z.infer<typeof EvalCall>;

/** Whether an external id can be used as a Call id as it is. */
export function isCallId(id: string): boolean {
  return CallId.safeParse(id).success && !id.includes('|');
}

/**
 * Map the evaluation format onto a Call. `id` overrides the call's id (the
 * evaluation maps ids that are not valid CallIds to internal ones).
 */
export function callFromEval(e: EvalCall, id: string = e.id): Call {
  const title = e.title?.trim() || e.venue?.trim() || e.id;
  const r = Call.safeParse({
    id,
    title,
    ...(e.venue ? { venue: e.venue } : {}),
    ...(e.publisher ? { publisher: e.publisher } : {}),
    scope: e.description ?? '',
    topics: (e.topics ?? []).map((t) => t.trim()).filter((t) => t.length > 0),
    dates: e.deadline ? { submission_deadline: e.deadline } : {},
  });
  if (r.success) return r.data;
  const fields = fieldIssues(r.error);
  throw createError('VALIDATION', `invalid call "${e.id}": ${issueSummary(fields)}`, { fields });
}

export const MAX_ABSTRACT_CHARS = 20_000;

/**
 * A non-blank string with a length cap; both limits appear in the generated JSON Schema (pattern, maxLength).
 * Control and format characters are removed before matching, so text made only of them counts as blank;
 * so does a lone surrogate (half of a UTF-16 pair, not a character): only a whole pair counts.
 */
const nonBlank = (what: string, max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/[^\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]/, {
      message: `${what} must not be empty`,
    });

/**
 * A draft's keywords: a list, or one string separated by `;` or `,` (what a form field or a CSV cell
 * holds; the evaluation files read keywords the same way). At most 50, each up to 200 characters.
 */
export const Keywords = z.preprocess(
  (k) => (typeof k === 'string' ? k.split(/[;,]/).map((x) => x.trim()).filter(Boolean) : k),
  z
    .array(z.string().max(200), { error: 'keywords must be a list of strings, or one string separated by ";" or ","' })
    .max(50)
    .meta({ description: 'A list of keywords, or one string separated by ";" or "," (split on both).' }),
);

/** A draft's title: optional everywhere a draft is accepted (rank, triage, explain); a missing one is empty. */
const DraftTitle = z.string().max(1_000).default('');

export const Draft = z.object({
  title: DraftTitle,
  abstract: nonBlank('abstract', MAX_ABSTRACT_CHARS),
  keywords: Keywords.default([]),
});
export type Draft = z.infer<typeof Draft>;
/** What a caller may pass for a draft (keywords preprocessed from a string have no zod input type of their own). */
export type DraftInput = Omit<z.input<typeof Draft>, 'keywords'> & { keywords?: string[] | string };

/** One value or several (a query string repeats the key; JSON gives an array). */
const OneOrMany = z
  .union([z.string().max(300), z.array(z.string().max(300)).max(50)])
  .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s.length > 0));

/**
 * Which calls a ranking or a listing may show (rank/filters.ts). Values of a facet are alternatives
 * (publisher IEEE or Elsevier); different facets must all hold. The window is inclusive.
 */
export const CallFilters = z.object({
  publisher: OneOrMany.optional(),
  venue: OneOrMany.optional(),
  deadline_after: IsoDate.optional(),
  deadline_before: IsoDate.optional(),
  open_only: z.boolean().default(false),
});
export type CallFilters = z.infer<typeof CallFilters>;

export const RankOptions = z
  .object({
    top_k: z.number().int().min(1).max(100).default(10),
    as_of: IsoDay.optional(),
  })
  .extend(CallFilters.shape);
export type RankOptions = z.infer<typeof RankOptions>;

export const RankRequest = Draft.extend(RankOptions.shape).extend({ explain: z.boolean().default(false) });
export type RankRequest = z.infer<typeof RankRequest>;

export const DeadlineStatus = z.object({
  /** `closing_soon`: open with at most CLOSING_SOON_DAYS left; `withdrawn`: gone from its sources before its deadline. */
  state: z.enum(['open', 'closing_soon', 'closed', 'withdrawn', 'unknown']),
  deadline: IsoDate.optional(),
  days_left: z.number().int().optional(),
});
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;

export const RequirementCheck = z.object({
  rule: z.enum(['abstract_max_words', 'abstract_min_words', 'keywords_min', 'keywords_max']),
  ok: z.boolean(),
  expected: z.string(),
  actual: z.number(),
  message: z.string(),
});
export type RequirementCheck = z.infer<typeof RequirementCheck>;

export const TopicMatch = z.object({
  topic: z.string(),
  /** Cosine similarity between the topic and the supporting sentence. */
  similarity: z.number(),
  /** The sentence of the draft that supports the match. */
  sentence: z.string(),
  /** 0 = the draft's title; k >= 1 = the k-th sentence of the abstract (the reason's "sentence k"). */
  sentence_index: z.number().int().nonnegative(),
});
export type TopicMatch = z.infer<typeof TopicMatch>;

/** The call's published paper nearest to the draft (`Call.papers`), shown as "similar published paper: <title>". */
export const SimilarPaper = z.object({
  id: z.string(),
  title: z.string(),
  doi: z.string().optional(),
  url: z.string().optional(),
  /** Cosine between the draft and the paper. */
  similarity: z.number(),
});
export type SimilarPaper = z.infer<typeof SimilarPaper>;

export const RankedCall = z.object({
  call_id: z.string(),
  title: z.string(),
  venue: z.string().optional(),
  /** Calibrated fit, 0..100. */
  fit: z.number().min(0).max(100),
  /** Raw fused score used for ordering (comparable within one ranking only). */
  score: z.number(),
  components: z.object({ dense: z.number(), lexical: z.number() }),
  /** Topics the draft matches; empty when the fit is below the in-scope threshold. */
  matched_topics: z.array(TopicMatch),
  /**
   * Only when the fit is below the in-scope threshold: the call's closest topics, weak evidence
   * (they resemble the draft most, but the draft is not judged in scope of the call).
   */
  nearest_topics: z.array(TopicMatch).optional(),
  deadline: DeadlineStatus,
  requirements: z.array(RequirementCheck),
  submission_url: z.string().optional(),
  /** Only for calls with published papers (exemplars) when one is close to the draft. */
  similar_paper: SimilarPaper.optional(),
});
export type RankedCall = z.infer<typeof RankedCall>;

/** `warming`: a first start is still embedding the calls and rankings are lexical only (`embedded` of `total` passages done). */
export const IndexStatus = z.object({ state: z.enum(['ready', 'warming']), embedded: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
export type IndexStatus = z.infer<typeof IndexStatus>;

/** What a draft file yielded: the fields found, for the author to check before ranking. Never stored. */
export const ExtractedDraft = z.object({
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  source: z.object({
    name: z.string(),
    kind: z.enum(['pdf', 'docx', 'tex', 'markdown', 'text']),
    bytes: z.number().int(),
    pages: z.number().int().optional(),
  }),
  /** Fields that were not found or look doubtful, in words. */
  warnings: z.array(z.string()),
});
export type ExtractedDraft = z.infer<typeof ExtractedDraft>;
export type DraftFileKind = ExtractedDraft['source']['kind'];

/** A count of calls per facet value (publisher, venue, deadline state). */
export const FacetCount = z.object({ value: z.string(), count: z.number().int() });

/** One way out of an empty result: drop these filters and `matches` calls would show. */
export const FilterRelaxation = z.object({
  remove: z.array(z.enum(['publisher', 'venue', 'deadline_after', 'deadline_before', 'open_only'])),
  matches: z.number().int(),
  label: z.string(),
});

/** Why a result is empty and what to do about it, in words a page or a terminal can show as they are. */
export const EmptyExplanation = z.object({ reason: z.string(), hint: z.string(), relax: z.array(FilterRelaxation) });
export type EmptyExplanation = z.infer<typeof EmptyExplanation>;

export const FilterSummary = z.object({
  /** Calls that pass every filter. */
  matched: z.number().int(),
  total: z.number().int(),
  /** Per facet, how many calls each value would give with the other filters kept. */
  facets: z.object({ publisher: z.array(FacetCount), venue: z.array(FacetCount), deadline: z.array(FacetCount) }),
  /** Present when nothing is shown. */
  empty: EmptyExplanation.optional(),
});
export type FilterSummary = z.infer<typeof FilterSummary>;

export const RankResponse = z.object({
  results: z.array(RankedCall),
  total_calls: z.number().int(),
  as_of: IsoDate,
  embedder: z.string(),
  timing_ms: z.object({ embed: z.number(), search: z.number(), total: z.number() }),
  /** Present while the index is warming: this ranking is lexical only. */
  index: IndexStatus.optional(),

  /** Filter counts and, for an empty result, why it is empty (from /v1/rank when a filter is set or nothing is shown). */
  filters: FilterSummary.optional(),
  /** The draft read from an uploaded file (multipart /v1/rank), as ranked. */
  draft_file: ExtractedDraft.optional(),
});
export type RankResponse = z.infer<typeof RankResponse>;

/** Triage thresholds on the in-scope probability: at or above `in_scope` in scope, at or above `borderline` borderline. */
export const TriageThresholds = z
  .object({ in_scope: z.number().min(0).max(1).optional(), borderline: z.number().min(0).max(1).optional() })
  .strict()
  .refine((t) => t.in_scope === undefined || t.borderline === undefined || t.borderline <= t.in_scope, {
    message: 'borderline must not be above in_scope',
    path: ['borderline'],
  });
export type TriageThresholds = z.infer<typeof TriageThresholds>;

export const MAX_TRIAGE_SUBMISSIONS = 500;

/** One submission to triage: a draft with an optional id (default: its 0-based position). */
export const Submission = z
  .object({
    id: z.string().min(1).max(200).optional(),
    title: DraftTitle,
    abstract: nonBlank('abstract', MAX_ABSTRACT_CHARS),
    keywords: Keywords.default([]),
  })
  .strict();
export type Submission = z.infer<typeof Submission>;

export const TriageRequest = z
  .object({
    call_id: CallId,
    submissions: z.array(Submission).min(1).max(MAX_TRIAGE_SUBMISSIONS).superRefine(uniqueIds),
    thresholds: TriageThresholds.optional(),
  })
  .strict();

/** Results are reported by id, so two submissions with one id would be indistinguishable (the CLI refuses them too). */
function uniqueIds(subs: ReadonlyArray<{ id?: string | undefined }>, ctx: z.RefinementCtx): void {
  const first = new Map<string, number>();
  subs.forEach((s, i) => {
    if (s.id === undefined) return;
    const at = first.get(s.id);
    if (at === undefined) first.set(s.id, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${s.id}" (also submission ${at})` });
  });
}
export type TriageRequest = z.infer<typeof TriageRequest>;

export const TriageVerdict = z.enum(['in_scope', 'borderline', 'out_of_scope']);
export type TriageVerdict = z.infer<typeof TriageVerdict>;

/** What a verdict adjusted by editors' decisions says about them (TriageResult.feedback; feedback/). */
export const FeedbackUse = z.object({
  decisions: z.number().int(),
  in_scope: z.number().int(),
  out_of_scope: z.number().int(),
  /** The probability before the call's decisions adjusted it. */
  base_probability: z.number().min(0).max(1),
});
export type FeedbackUse = z.infer<typeof FeedbackUse>;

export const TriageResult = z.object({
  id: z.string(),
  verdict: TriageVerdict,
  /** Calibrated probability that the submission is in scope of the call. */
  probability: z.number().min(0).max(1),
  /** Topics the submission matches; empty unless the verdict is in scope. */
  matched_topics: z.array(TopicMatch),
  /** Below the in-scope threshold: the closest topics, weak evidence, not matches. */
  nearest_topics: z.array(TopicMatch).optional(),
  /** The call's listed topics that no sentence of the submission reaches. */
  unmatched_topics: z.array(z.string()),
  /** One line built from the evidence. */
  reason: z.string(),
  /** Another call that fits much better, when there is one. */
  better_fit: z.object({ call_id: z.string(), title: z.string(), probability: z.number().min(0).max(1) }).optional(),
  /** Editors only: how the call's recorded decisions adjusted `probability` (feedback/). */
  feedback: FeedbackUse.optional(),
  /** Editors only: the key to send with a decision on this submission (POST /v1/triage/feedback). */
  feedback_key: z.string().optional(),
});
export type TriageResult = z.infer<typeof TriageResult>;

export const TriageResponse = z.object({
  call_id: z.string(),
  thresholds: z.object({ in_scope: z.number(), borderline: z.number() }),
  results: z.array(TriageResult),
});
export type TriageResponse = z.infer<typeof TriageResponse>;

/** `GET /v1/calls` query: filters plus paging. */
export const CallListQuery = CallFilters.extend({
  as_of: IsoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.enum(['id', 'deadline', 'title']).default('id'),
});
export type CallListQuery = z.infer<typeof CallListQuery>;
