/**
 * Run the CFP parser over the labelled development set in `eval/cfp/cases`:
 * `<id>.txt` or `<id>.html` plus `<id>.truth.json` per call.
 */
import { readdir, readFile } from 'node:fs/promises';
import { inputPathError } from '../load.js';
import { join } from 'node:path';
import { parseCfp, parseCfpHtml, type ParseCfpOptions } from '../../core/cfp/index.js';
import type { Call } from '../../core/schema.js';
import { scoreCase, summarise, type CaseScore, type CfpTruth, type FieldTable } from './score.js';

/** `now` is fixed so year-less dates resolve the same way on every run. */
const NOW = '2026-01-01';

export interface CfpEvalResult {
  scores: CaseScore[];
  tune: FieldTable;
  heldout: FieldTable;
  all: FieldTable;
}

/** Parser options the eval passes through (the title and venue choosers to measure, the trainers' candidate hooks). */
export type EvalParseOptions = Pick<ParseCfpOptions, 'titleChooser' | 'titleModel' | 'onTitleCandidates' | 'venueChooser' | 'venueModel' | 'onVenueCandidates' | 'onEditorCandidates' | 'editorChooser' | 'editorModel' | 'topicChooser' | 'topicModel' | 'onTopicCandidates'>;

/**
 * Parse one case as the eval does (text or page, with its URL and a fixed today).
 *
 * @example
 * parseCase(truth, body, { titleChooser: 'cascade' }).title
 */
export function parseCase(truth: CfpTruth, body: string, opts: EvalParseOptions = {}): Call | { error: string } {
  try {
    return truth.format === 'html' ? parseCfpHtml(body, { ...opts, url: truth.provenance.url, now: NOW }) : parseCfp(body, { ...opts, now: NOW });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Every case in `dir`: its truth and its text or page, in id order.
 *
 * @example
 * const cases = await loadCases('eval/cfp/cases');
 */
export async function loadCases(dir: string): Promise<Array<{ truth: CfpTruth; body: string }>> {
  const names = await readdir(dir).catch((err: unknown) => {
    throw inputPathError('--cases', dir, err);
  });
  const out: Array<{ truth: CfpTruth; body: string }> = [];
  for (const f of names.filter((n) => n.endsWith('.truth.json')).sort()) {
    const truth = JSON.parse(await readFile(join(dir, f), 'utf8')) as CfpTruth;
    out.push({ truth, body: await readFile(join(dir, `${truth.id}.${truth.format === 'html' ? 'html' : 'txt'}`), 'utf8') });
  }
  return out;
}

/**
 * Parse and score every case in `dir`.
 *
 * @example
 * const { heldout } = await runCfpEval('eval/cfp/cases');
 */
export async function runCfpEval(dir: string, opts: EvalParseOptions = {}): Promise<CfpEvalResult> {
  const scores: CaseScore[] = [];
  for (const { truth, body } of await loadCases(dir)) scores.push(scoreCase(truth, parseCase(truth, body, opts)));
  return {
    scores,
    tune: summarise(scores.filter((s) => s.split === 'tune')),
    heldout: summarise(scores.filter((s) => s.split === 'heldout')),
    all: summarise(scores),
  };
}
