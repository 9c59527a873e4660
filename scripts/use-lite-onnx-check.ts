/**
 * One-off check that USE-lite on onnxruntime gives the tfjs vectors, on every text of the shared
 * eval suites (titles + abstracts, calls) and the repository's calls, reference abstracts and
 * sentences, in seeded random batches of mixed lengths (so most rows are padded), both engines on
 * the same batches. Prints the worst and the 99.9th percentile absolute difference per component.
 *
 *   node --import tsx scripts/use-lite-onnx-check.ts [--eval-dir ../shared/eval] [--limit 4000] [--batch 16]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRng } from '../src/core/random.js';
import { embedBatch, loadUseLite } from '../src/adapters/node/use-lite-model.js';

const { values } = parseArgs({ options: { 'eval-dir': { type: 'string', default: '../shared/eval' }, limit: { type: 'string', default: '4000' }, batch: { type: 'string', default: '16' } } });
const root = join(import.meta.dirname, '..');
const jsonl = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : []);
const str = (x: unknown) => (typeof x === 'string' ? x : Array.isArray(x) ? x.join('; ') : '');

const texts: string[] = [];
for (const suite of existsSync(values['eval-dir']) ? readdirSync(values['eval-dir']) : []) {
  for (const p of jsonl(join(values['eval-dir'], suite, 'papers.jsonl'))) texts.push(`${str(p.title)}. ${str(p.abstract)}`);
  for (const c of jsonl(join(values['eval-dir'], suite, 'calls.jsonl'))) texts.push([c.title, c.description, c.scope, c.topics].map(str).filter(Boolean).join('\n'));
}
for (const p of jsonl(join(root, 'data/reference/abstracts.jsonl'))) {
  texts.push(str(p.abstract));
  texts.push(...str(p.abstract).split(/(?<=[.!?])\s+/).slice(0, 3)); // sentences: short rows
}
for (const f of readdirSync(join(root, 'data/calls')).filter((n) => n.endsWith('.txt'))) texts.push(readFileSync(join(root, 'data/calls', f), 'utf8'));
texts.push('', ' ', 'x', '😀 ﬁne Ⅻ ＡＢＣ 日本語', 'é vs e\u0301', 'power '.repeat(2000));

const rand = createRng(19);
const order = texts.map((_, i) => i).sort(() => rand() - 0.5).slice(0, Number(values.limit));
const batch = Number(values.batch);
const [onnx, tfjs] = [await loadUseLite({ engine: 'onnx' }), await loadUseLite({ engine: 'tfjs' })];
if (onnx.engine !== 'onnx') throw new Error(`onnx did not load: ${onnx.note ?? ''}`);
const diffs: number[] = [];
let worst = 0;
for (let i = 0; i < order.length; i += batch) {
  const part = order.slice(i, i + batch).map((k) => texts[k] as string);
  const [a, b] = [await embedBatch(onnx, part), await embedBatch(tfjs, part)];
  a.forEach((v, r) => {
    let d = 0;
    v.forEach((x, k) => (d = Math.max(d, Math.abs(x - ((b[r] as Float32Array)[k] as number)))));
    diffs.push(d);
    worst = Math.max(worst, d);
  });
  if ((i / batch) % 25 === 0) process.stderr.write(`${i + part.length}/${order.length} worst so far ${worst.toExponential(2)}\n`);
}
diffs.sort((x, y) => x - y);
const pct = (q: number) => diffs[Math.min(diffs.length - 1, Math.floor(q * diffs.length))] as number;
console.log(JSON.stringify({ texts: diffs.length, of: texts.length, batch, worst, p50: pct(0.5), p999: pct(0.999), over1e5: diffs.filter((d) => d >= 1e-5).length }));
onnx.model.dispose();
tfjs.model.dispose();
