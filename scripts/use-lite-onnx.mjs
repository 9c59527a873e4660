#!/usr/bin/env node
/**
 * Build USE-lite's ONNX translation into models/use-lite-onnx/ (this checkout's) ahead of the first
 * start (the server builds it on first use otherwise). Reads only the npm package's files.
 *
 *   npm run use-lite:onnx                       # prints the model's path
 *   node scripts/use-lite-onnx.mjs /tmp/models  # into /tmp/models/use-lite-onnx/ instead
 */
import { ensureUseLiteOnnx } from '../dist/adapters/node/use-lite-onnx.js';

const t = Date.now();
const dir = process.argv[2];
const result = await ensureUseLiteOnnx(dir ? { modelsDir: dir } : {});
if (!result.path) {
  console.error(`built, but ${result.note ?? 'not written'}`);
  process.exit(1);
}
console.log(`${result.built ? 'built' : 'already built'}: ${result.path} (${Date.now() - t} ms)`);
