/**
 * `npm run bench -- --only parse`: the CFP text parser's cost on the labelled calls of
 * `eval/cfp/cases` (every `.txt` through `parseCfp`), and on one long text (those texts joined and
 * cut to 399,000 characters, just under the parser's size limit), each timed `rounds` times on one
 * thread. Parse cost is per call imported or posted, so it is reported as a total and per text.
 * Each round also parses the case texts with the rules' editors alone (`editorChooser: 'rules'`) and
 * with the rules' topics alone (`topicChooser: 'rules'`), so each learned chooser's cost is a ratio
 * measured in the same run.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCfp } from '../core/cfp/index.js';

export interface ParseResult {
  texts: number;
  rounds: number;
  /** Wall time of one pass over every text, ms, per round. */
  allMs: number[];
  /** The same pass with the guest editors by the rules alone (no editor candidates), ms, per round. */
  rulesEditorsMs: number[];
  /** The same pass with the topics by the rules alone (no candidate lists), ms, per round. */
  rulesTopicsMs: number[];
  bigChars: number;
  /** Wall time of parsing the long text once, ms, per round. */
  bigMs: number[];
}

const LONG_TEXT_CHARS = 399_000;
const NOW = '2026-01-01';

function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Time the parser on the case texts and on one long text.
 *
 * @example
 * const r = await benchParse('eval/cfp/cases', 3); r.allMs.length // 3
 */
export async function benchParse(casesDir: string, rounds: number): Promise<ParseResult> {
  const names = (await readdir(casesDir)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((f) => readFile(join(casesDir, f), 'utf8')));
  const big = texts.join('\n\n').slice(0, LONG_TEXT_CHARS);
  const allMs: number[] = [];
  const rulesEditorsMs: number[] = [];
  const rulesTopicsMs: number[] = [];
  const bigMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    allMs.push(timed(() => texts.forEach((t) => parseCfp(t, { now: NOW }))));
    rulesEditorsMs.push(timed(() => texts.forEach((t) => parseCfp(t, { now: NOW, editorChooser: 'rules' }))));
    rulesTopicsMs.push(timed(() => texts.forEach((t) => parseCfp(t, { now: NOW, topicChooser: 'rules' }))));
    bigMs.push(timed(() => parseCfp(big, { now: NOW })));
  }
  return { texts: texts.length, rounds, allMs, rulesEditorsMs, rulesTopicsMs, bigChars: big.length, bigMs };
}
