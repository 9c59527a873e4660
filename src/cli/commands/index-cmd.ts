import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createError } from '../../core/errors.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';

const HELP = `Usage: cfpmatch index rebuild

Drop the saved index under DATA_DIR/index and re-embed every call.`;

export async function indexCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals[0] !== 'rebuild') throw createError('BAD_INPUT', 'usage: cfpmatch index rebuild');
  const opts = envOptions();
  await rm(join(opts.dataDir ?? 'data', 'index'), { recursive: true, force: true });
  const t0 = Date.now();
  const rt = await createNodeRuntime(opts);
  try {
    console.log(`rebuilt index: ${rt.matcher.corpus.calls.size} calls, ${rt.matcher.corpus.index.size()} passages, ${rt.embedder.id}, ${Date.now() - t0} ms`);
    return 0;
  } finally {
    await rt.dispose();
  }
}
