/**
 * Exemplar papers: published articles attached to a call (the papers a special issue accepted),
 * as clients send them and as a call stores them. Used by the call schema (`Call.papers`), the
 * papers routes, the CLI and the catalogue importer's hook.
 */
import { z } from 'zod';

/** Most papers one call may hold: a special issue publishes tens, a journal volume hundreds. */
export const MAX_PAPERS_PER_CALL = 1_000;
/** Longest exemplar abstract kept (published abstracts are under 3,000 characters). */
export const MAX_PAPER_ABSTRACT_CHARS = 10_000;

// Something other than whitespace and control/format characters (the draft schema's rule).
// eslint-disable-next-line no-control-regex
const VISIBLE = /[^\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\uFFFD]/;

/** `10.<registrant>/<suffix>`, after `normalizeDoi` removed `https://doi.org/`, `doi:` and case. */
const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/**
 * A DOI as it is compared and stored: lower case, without a resolver prefix or `doi:` label.
 * Returns the input trimmed when it is not a DOI (the schema then refuses it).
 *
 * @example
 * normalizeDoi('https://doi.org/10.1109/JIOT.2024.123') // '10.1109/jiot.2024.123'
 */
export function normalizeDoi(raw: string): string {
  return raw
    .trim()
    .replace(/^(https?:\/\/)?(dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
    .toLowerCase();
}

const Doi = z
  .string()
  .max(300)
  .transform(normalizeDoi)
  .refine((d) => DOI_PATTERN.test(d), 'expected a DOI such as 10.1109/JIOT.2024.1234567 (a https://doi.org/ link is accepted)');

const PaperUrl = z
  .string()
  .max(2_048)
  .refine((s) => /^https?:\/\/[^\s/]+/i.test(s), 'expected an absolute http:// or https:// URL');

/** One paper as a client sends it (JSON body, a JSONL line, a catalogue page's article list). */
export const ExemplarInput = z
  .object({
    title: z.string().max(1_000).regex(VISIBLE, { message: 'title must not be empty' }),
    abstract: z.string().max(MAX_PAPER_ABSTRACT_CHARS).default(''),
    keywords: z.array(z.string().max(200)).max(50).default([]),
    doi: Doi.optional(),
    url: PaperUrl.optional(),
  })
  .strict();
export type ExemplarInput = z.input<typeof ExemplarInput>;
export type ValidExemplarInput = z.output<typeof ExemplarInput>;

/** Where a stored paper came from: an editor or admin (`manual`), or a catalogue page's article list. */
export const ExemplarSource = z.enum(['manual', 'catalogue']);
export type ExemplarSource = z.infer<typeof ExemplarSource>;

/** A paper as a call stores it: the input plus its stable id (from its DOI or title) and its source. */
export const Exemplar = z
  .object({
    id: z.string().min(1).max(40),
    title: z.string().min(1).max(1_000),
    abstract: z.string().max(MAX_PAPER_ABSTRACT_CHARS).default(''),
    keywords: z.array(z.string().max(200)).max(50).default([]),
    doi: z.string().max(300).optional(),
    url: z.string().max(2_048).optional(),
    source: ExemplarSource.default('manual'),
  })
  .strict();
export type Exemplar = z.infer<typeof Exemplar>;

/** `POST /v1/calls/:id/papers`: one or more papers. */
export const AddPapersRequest = z
  .object({ papers: z.array(ExemplarInput).min(1).max(MAX_PAPERS_PER_CALL, { message: `at most ${MAX_PAPERS_PER_CALL} papers per call` }) })
  .strict();
export type AddPapersRequest = z.output<typeof AddPapersRequest>;

/** What adding papers did. */
export const AddPapersResult = z.object({
  call_id: z.string(),
  /** Papers stored by this request. */
  added: z.number().int(),
  /** Papers of the request already on the call (same DOI or same title) or repeated in it: kept once. */
  duplicates: z.number().int(),
  /** Papers the call holds now. */
  total: z.number().int(),
  /** Ids of the stored papers, in request order (a duplicate gets the id of the paper it repeats). */
  ids: z.array(z.string()),
});
export type AddPapersResult = z.infer<typeof AddPapersResult>;

/** A paper as listed: without its abstract, which only ranking needs. */
export const PaperSummary = Exemplar.pick({ id: true, title: true, doi: true, url: true, source: true });
export const PaperList = z.object({ call_id: z.string(), papers: z.array(PaperSummary) });
export type PaperList = z.infer<typeof PaperList>;
