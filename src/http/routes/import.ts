import { Hono, type MiddlewareHandler } from 'hono';
import type { CatalogueService } from '../../core/catalogue/service.js';
import { ImportRequest, type Fetcher } from '../../core/catalogue/types.js';
import { createError } from '../../core/errors.js';
import { sha256Hex } from '../../core/text/hash.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';

/**
 * `POST /v1/calls/import` (admin): `{ url }` fetched by the server's polite fetcher (private
 * addresses refused unless IMPORT_ALLOW_PRIVATE=1), or `{ content, content_type?, url? }` for a
 * document the client already has. Answers the import report: added, updated, merged, withdrawn,
 * near duplicates, failures. Without a catalogue (the Workers runtime) it answers 403 DISABLED.
 */
export function importRoutes(catalogue: CatalogueService | undefined, admin: MiddlewareHandler): Hono {
  const r = new Hono();
  r.post('/calls/import', admin, async (c) => {
    if (!catalogue) throw createError('DISABLED', 'importing calls is not available in this runtime');
    const req = parseOrThrow(ImportRequest, await readJson(c), 'import request');
    const spec = {
      url: req.url ?? `upload:${(await sha256Hex(req.content ?? '')).slice(0, 16)}`,
      kind: req.kind,
      limit: req.limit,
      ...(req.source_name ? { name: req.source_name } : {}),
      ...(req.licence ? { licence: req.licence } : {}),
    };
    // Given content: that one document is what the server "fetches"; links in it are not followed.
    const given: Fetcher | undefined =
      req.content === undefined
        ? undefined
        : {
            fetch: async (url) => {
              if (url !== spec.url) throw createError('FETCH_REFUSED', `${url}: only the given content is read when content is posted`);
              return { status: 'ok', doc: { url, body: new TextEncoder().encode(req.content), ...(req.content_type ? { contentType: req.content_type } : {}) } };
            },
          };
    const summary = await catalogue.run([spec], { dryRun: req.dry_run, ...(given ? { fetcher: given } : {}) });
    const report = summary.reports[0];
    const failed = report?.failures.find((f) => f.url === spec.url);
    if (report && failed && report.added.length + report.updated.length + report.merged.length + report.unchanged === 0) {
      throw createError(failed.code, failed.message);
    }
    return c.json({ dry_run: req.dry_run, written: summary.written, ms: summary.ms, report }, summary.written > 0 ? 201 : 200);
  });
  return r;
}
