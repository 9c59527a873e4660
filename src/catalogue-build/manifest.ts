/**
 * `data/catalogue/manifest.json`: every saved source of the bundled catalogue with the URL it
 * stands for, where it was read (repository@commit and path, or the stored web page), its licence
 * and the field it belongs to; publishers for journals the sources name without one; overrides
 * that fix a parsed field, each with its reason.
 */
import { z } from 'zod';
import { SourceSpec } from '../core/catalogue/types.js';

export const ManifestSource = SourceSpec
  .extend({
    /** The saved copy, relative to data/catalogue/. */
    file: z.string().min(1),
    /** Day the source was read (YYYY-MM-DD): the provenance timestamp of its calls. */
    retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** How it was obtained: `<owner>/<repo>@<commit>:<path>` or `stored web page`. */
    via: z.string().min(1),
    /** Research field(s) of its calls, for the coverage count. */
    field: z.string().min(1),
    /** What was kept of the original, when not all of it. */
    excerpt: z.string().optional(),
  })
  .strict();
export type ManifestSource = z.infer<typeof ManifestSource>;

/**
 * A correction to one built call, found by the URL of the page it was read from (`source`, stable
 * when the parser changes) or, for calls with no page of their own, by the id the build gives it (`call`).
 */
export const Override = z
  .object({
    call: z.string().min(1).optional(),
    source: z.string().url().optional(),
    set: z.record(z.string(), z.unknown()),
    reason: z.string().min(10),
  })
  .strict()
  .refine((o) => (o.call === undefined) !== (o.source === undefined), 'an override names exactly one of call or source');
export type Override = z.infer<typeof Override>;

export const Manifest = z
  .object({
    description: z.string(),
    /** The day the bundled calls' states are counted on in the build report. */
    as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sources: z.array(ManifestSource).min(1),
    /** Journal -> publisher, for sources that name only the journal. */
    publishers: z.record(z.string(), z.string()).default({}),
    overrides: z.array(Override).default([]),
    /** Calls a source lists that are not calls for papers (a call for special-issue proposals, a standing submission track). */
    exclude: z.array(z.object({ call: z.string().min(1), reason: z.string().min(10) }).strict()).default([]),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;
