/** `GET /editor` and `POST /editor`: triage without JavaScript (paste or upload, filter, sort, export). */
import type { Context, Hono } from 'hono';
import { decodeTextFile } from '../core/draft-file/index.js';
import { isCfpError } from '../core/errors.js';
import { exportTriage } from '../core/export/triage.js';
import type { Matcher } from '../core/matcher.js';
import { deadlineStatus } from '../core/rank/deadline.js';
import { MAX_TRIAGE_SUBMISSIONS, TriageRequest } from '../core/schema.js';
import { parseOrThrow } from '../core/validate.js';
import { triageSubmissions } from '../core/triage/triage.js';
import { fileOf, readForm, str } from '../http/form.js';
import { sendDownload, sendPage } from './page.js';
import { editorPage, type EditorPage, type TriageSort } from './views/editor-view.js';
import { notTextFile, parseSubmissions } from './views/parse-submissions.js';

const TITLE = 'Editor triage · cfpmatch';

function render(c: Context, matcher: Matcher, p: Omit<EditorPage, 'calls'>, status: 200 | 400 | 404 = 200): Response {
  const today = matcher.today();
  const calls = matcher
    .listCalls()
    .map((call) => ({ id: call.id, title: call.title, deadline: deadlineStatus(call, today) }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return sendPage(c, TITLE, 'editor', editorPage({ ...p, calls }), status);
}

/**
 * @example
 * editorRoutes(r, matcher);
 */
export function editorRoutes(r: Hono, matcher: Matcher): void {
  r.get('/editor', (c) => render(c, matcher, { text: '', ...(c.req.query('call') ? { callId: c.req.query('call') } : {}) }));
  r.post('/editor', async (c) => {
    const form = await readForm(c);
    const file = fileOf(form);
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : undefined;
    const binary = file && bytes ? notTextFile(file.name, bytes) : undefined;
    const text = bytes && !binary ? decodeTextFile(bytes) : (file ? '' : (str(form, 'submissions') ?? ''));
    const callId = str(form, 'call_id') ?? '';
    const sortRaw = str(form, 'sort');
    const sort: TriageSort = sortRaw === 'probability_desc' || sortRaw === 'probability_asc' ? sortRaw : 'order';
    const base = { text, callId, sort, verdict: str(form, 'verdict') ?? 'all' };
    const fail = (error: string, status: 400 | 404 = 400) => render(c, matcher, { ...base, error }, status);
    if (binary) return fail(binary);
    const { submissions, errors } = parseSubmissions(text);
    if (errors.length) return fail(`Could not read the submissions: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? '…' : ''}`);
    if (!submissions.length) return fail('Paste or upload at least one submission with an abstract.');
    if (submissions.length > MAX_TRIAGE_SUBMISSIONS) return fail(`${submissions.length} submissions: at most ${MAX_TRIAGE_SUBMISSIONS} at once here (the CLI, cfpmatch triage, takes any number).`);
    let result;
    try {
      result = await triageSubmissions(matcher, parseOrThrow(TriageRequest, { call_id: callId, submissions }, 'triage request'));
    } catch (err) {
      if (isCfpError(err) && err.status < 500) return fail(err.message, err.status === 404 ? 404 : 400);
      throw err;
    }
    const titles = new Map(submissions.map((s, i) => [s.id ?? String(i), s.title]));
    const format = str(form, 'format');
    if (format === 'csv' || format === 'json') {
      return sendDownload(c, exportTriage(result, format, titles), `cfpmatch-triage-${result.call_id}.${format}`, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json');
    }
    return render(c, matcher, { ...base, result, titles });
  });
}
