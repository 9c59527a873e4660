/**
 * Soak: the built server on 127.0.0.1 (USE-lite, RATE_LIMIT=off) under a
 * steady rate of POST /v1/rank for SOAK_SECONDS (default 60) at SOAK_RATE
 * requests/s (default 5), sampling the server's RSS every second. Prints a
 * summary and a markdown table, writes docs/reliability-rss.svg, and exits 1
 * on any error, timeout or non-2xx answer.
 * Usage: npm run soak   (SOAK_SECONDS=120 SOAK_RATE=8 npm run soak)
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT, startServer } from '../tests/reliability/server.js';

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const rate = Number(process.env.SOAK_RATE ?? 5);
const drafts = [
  ['Large language models for resource scheduling in the Internet of Everything', 'We study how large AI models schedule resources across heterogeneous devices. The model runs at the edge. Latency drops.'],
  ['Federated learning for vehicular networks', 'Vehicles train a shared model without sending raw data. We bound the communication cost. Experiments use real traces.'],
  ['Caries detection from dental radiographs', 'We classify dental X-rays with a convolutional network. Sensitivity improves over clinicians. The dataset has 3,000 images.'],
  ['Semantic communication with generative models', 'A transmitter sends meaning rather than bits. A diffusion model reconstructs the image. Bandwidth falls by half.'],
];

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function svg(samples: number[]): string {
  const w = 600;
  const h = 200;
  const max = Math.max(...samples) * 1.1;
  const pts = samples.map((v, i) => `${((i / Math.max(samples.length - 1, 1)) * (w - 50) + 45).toFixed(1)},${(h - 20 - (v / max) * (h - 40)).toFixed(1)}`).join(' ');
  const label = (v: number) => `${Math.round(v / 1024)} MB`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="11">
<rect width="${w}" height="${h}" fill="white"/><line x1="45" y1="${h - 20}" x2="${w - 5}" y2="${h - 20}" stroke="#999"/><line x1="45" y1="20" x2="45" y2="${h - 20}" stroke="#999"/>
<text x="2" y="24">${label(max)}</text><text x="2" y="${h - 22}">0</text><text x="${w / 2 - 60}" y="${h - 4}">server RSS, 1 sample/s, ${samples.length} s</text>
<polyline fill="none" stroke="#1565c0" stroke-width="1.5" points="${pts}"/></svg>
`;
}

const srv = await startServer({ RATE_LIMIT: 'off', LOG_LEVEL: 'silent' });
const pid = srv.child.pid ?? 0;
const samples: number[] = [];
try {
  // Warm-up: the first rankings load the model's kernels; the soak measures steady state.
  for (const [title, abstract] of drafts) {
    await fetch(`${srv.url}/v1/rank`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title, abstract }) });
  }
  const timer = setInterval(() => void rssKb(pid).then((kb) => samples.push(kb)), 1000);
  const result = await autocannon({
    url: srv.url,
    connections: 4,
    duration: seconds,
    overallRate: rate,
    timeout: 10,
    requests: drafts.map(([title, abstract]) => ({
      method: 'POST' as const,
      path: '/v1/rank',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title, abstract, top_k: 3 }),
    })),
  });
  clearInterval(timer);
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const first = avg(samples.slice(0, tenth));
  const last = avg(samples.slice(-tenth));
  const summary = {
    seconds,
    target_rate: rate,
    requests: result.requests.total,
    ok_2xx: result['2xx'],
    non_2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    achieved_rps: Math.round((result.requests.total / seconds) * 100) / 100,
    latency_ms: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    rss_mb: { first_10pct: Math.round(first / 1024), last_10pct: Math.round(last / 1024), min: Math.round(Math.min(...samples) / 1024), max: Math.round(Math.max(...samples) / 1024) },
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log('\n| second | RSS (MB) |\n|---:|---:|');
  for (let i = 0; i < samples.length; i += 5) console.log(`| ${i + 1} | ${Math.round((samples[i] ?? 0) / 1024)} |`);
  await writeFile(join(ROOT, 'docs/reliability-rss.svg'), svg(samples));
  process.exitCode = result.errors + result.timeouts + result.non2xx === 0 ? 0 : 1;
} finally {
  srv.child.kill('SIGTERM');
  console.log(`server exit code after SIGTERM: ${await srv.exited}`);
  await rm(srv.dataDir, { recursive: true, force: true });
}
