/**
 * Run the CFP parser over the labelled development set in `eval/cfp/cases`:
 * `<id>.txt` or `<id>.html` plus `<id>.truth.json` per call.
 */
import { readdir, readFile } from 'node:fs/promises';
import { inputPathError } from '../load.js';
import { join } from 'node:path';
import { parseCfp, parseCfpHtml } from '../../core/cfp/index.js';
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

function parseOne(truth: CfpTruth, body: string): Call | { error: string } {
  try {
    return truth.format === 'html' ? parseCfpHtml(body, { url: truth.provenance.url, now: NOW }) : parseCfp(body, { now: NOW });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Parse and score every case in `dir`.
 *
 * @example
 * const { heldout } = await runCfpEval('eval/cfp/cases');
 */
export async function runCfpEval(dir: string): Promise<CfpEvalResult> {
  const names = await readdir(dir).catch((err: unknown) => {
    throw inputPathError('--cases', dir, err);
  });
  const files = names.filter((f) => f.endsWith('.truth.json')).sort();
  const scores: CaseScore[] = [];
  for (const f of files) {
    const truth = JSON.parse(await readFile(join(dir, f), 'utf8')) as CfpTruth;
    const body = await readFile(join(dir, `${truth.id}.${truth.format === 'html' ? 'html' : 'txt'}`), 'utf8');
    scores.push(scoreCase(truth, parseOne(truth, body)));
  }
  return {
    scores,
    tune: summarise(scores.filter((s) => s.split === 'tune')),
    heldout: summarise(scores.filter((s) => s.split === 'heldout')),
    all: summarise(scores),
  };
}
