#!/usr/bin/env node
/**
 * Build USE-lite's ONNX translation into MODELS_DIR/use-lite-onnx/ ahead of the first start (the
 * server builds it on first use otherwise). Reads only the npm package's files.
 *
 *   npm run use-lite:onnx        # prints the model's path
 */
import { ensureUseLiteOnnx } from '../dist/adapters/node/use-lite-onnx.js';

const t = Date.now();
const result = await ensureUseLiteOnnx({ modelsDir: process.env.MODELS_DIR ?? 'models' });
if (!result.path) {
  console.error(`built, but ${result.note ?? 'not written'}`);
  process.exit(1);
}
console.log(`${result.built ? 'built' : 'already built'}: ${result.path} (${Date.now() - t} ms)`);
