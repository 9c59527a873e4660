// Regenerate docs/screenshot.png from the real server (built, USE-lite, bundled calls)
// in Debian's Chromium: `npm run build && node scripts/screenshot.mjs`. It also prints the time
// from submit to the first result on the page (the bundle's data-render-ms) over a few rankings.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const data = mkdtempSync(join(tmpdir(), 'cfpmatch-shot-'));
cpSync(join(root, 'data/calls'), join(data, 'calls'), { recursive: true });
const port = String(20000 + Math.floor(Math.random() * 20000));
const server = spawn(process.execPath, [join(root, 'dist/entry/node.js')], {
  env: { ...process.env, DATA_DIR: data, PORT: port, HOST: '127.0.0.1', EMBEDDER: 'use-lite', RATE_LIMIT: 'off' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('server did not start in 120 s')), 120_000);
  server.stderr.on('data', (b) => {
    if (String(b).includes('server.listening')) {
      clearTimeout(timer);
      resolve();
    }
  });
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByLabel('Title', { exact: true }).fill('Symbiotic IoT devices for collaborative inference of giant AI models over 6G');
  await page
    .getByLabel('Abstract', { exact: true })
    .fill(
      'Giant AI models such as large language models are too heavy for individual IoT devices. We propose a symbiotic IoT architecture in which devices share computing resources and cooperate with edge servers over 6G links to jointly run inference and fine-tuning of giant models. A resource manager schedules model partitions across devices, and a blockchain ledger records contributions so that participants are rewarded fairly. Experiments show lower latency and energy use than cloud-centric deployment.',
    );
  await page.getByLabel('Keywords', { exact: true }).fill('symbiotic IoT, giant AI, 6G, edge inference');
  const times = [];
  for (let i = 0; i < 6; i++) {
    await page.locator('#results').evaluate((el) => el.removeAttribute('data-render-ms'));
    await page.getByRole('button', { name: 'Find matching calls' }).click();
    await page.locator('#results[data-render-ms]').waitFor({ timeout: 60_000 });
    times.push(Number(await page.locator('#results').getAttribute('data-render-ms')));
  }
  // The first ranking warms the model up; the rest are what an author sees.
  const warm = times.slice(1).sort((a, b) => a - b);
  console.log(`first result on the page after submit: first ${times[0]} ms, then median ${warm[Math.floor(warm.length / 2)]} ms (min ${warm[0]}, max ${warm.at(-1)})`);
  await page.locator('#results').screenshot({ path: join(root, 'docs/screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
}
