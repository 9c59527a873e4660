/**
 * Papers from JSON Lines (`cfpmatch calls papers add <id> papers.jsonl`, a catalogue's bulk file):
 * every line is checked before anything is stored, and every bad line is named by its number.
 */
import type { z } from 'zod';
import { createError, type FieldIssue } from '../errors.js';
import { stripBom } from '../text/normalize.js';
import { fieldIssues, issueSummary } from '../validate.js';
import { ExemplarInput, type ValidExemplarInput } from './schema.js';

/** Bad lines named in one error at most (a file of 10,000 bad lines reports the first 20). */
const MAX_REPORTED = 20;

/**
 * Parse papers, one JSON object a line (blank lines skipped). BAD_INPUT naming each bad line
 * (`papers.jsonl:3: not valid JSON`), with nothing returned when any line is bad.
 *
 * @example
 * parsePapersJsonl('{"title":"A paper","doi":"10.1000/x"}\n', 'papers.jsonl') // [{ title: 'A paper', ... }]
 */
export function parsePapersJsonl(text: string, name: string): ValidExemplarInput[] {
  const out: ValidExemplarInput[] = [];
  const bad: FieldIssue[] = [];
  stripBom(text)
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${name}:${i + 1}`;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        bad.push({ path: where, message: 'not valid JSON' });
        return;
      }
      const r = ExemplarInput.safeParse(raw);
      if (r.success) out.push(r.data);
      else bad.push({ path: where, message: issueSummary(fieldIssues(r.error as z.ZodError, '(line)')) });
    });
  if (bad.length) {
    const shown = bad.slice(0, MAX_REPORTED);
    const more = bad.length > shown.length ? `; and ${bad.length - shown.length} more bad lines` : '';
    throw createError('BAD_INPUT', `${bad.length} bad line${bad.length === 1 ? '' : 's'}, nothing stored: ${shown.map((b) => `${b.path}: ${b.message}`).join('; ')}${more}`, { fields: shown });
  }
  if (out.length === 0) throw createError('BAD_INPUT', `${name}: no papers found`);
  return out;
}
