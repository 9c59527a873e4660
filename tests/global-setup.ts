/**
 * The page bundle (src/web/generated/client-js.ts) is generated; `npm test` builds it first, and
 * this builds it when a single test file runs on a fresh clone (`npx vitest run tests/web/...`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  if (!existsSync(join(root, 'src/web/generated/client-js.ts'))) execFileSync(process.execPath, [join(root, 'scripts/build-client.mjs'), '--silent'], { stdio: 'inherit' });
}
