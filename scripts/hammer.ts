/**
 * Worst-case load (issue #21): the built server on 127.0.0.1 (USE-lite, the server's own limits).
 * 1. The largest valid /v1/rank drafts alone, 3 times each: how long the worst valid request takes.
 * 2. HAMMER_CLIENTS (default 8) clients, each from its own loopback address (127.0.0.2...), send
 *    worst-case drafts back to back for HAMMER_SECONDS (default 30), ignoring Retry-After, while
 *    one more client (its own address) sends a normal draft every 500 ms: the normal draft's latency.
 * Bounded in time and requests; prints a JSON summary. Env passes through to the server, e.g.
 * `RATE_LIMIT=off npm run hammer` to load the scheduler without the per-client rate limit.
 */
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { readFile, rm } from 'node:fs/promises';
import { startServer } from '../tests/reliability/server.js';

const seconds = Number(process.env.HAMMER_SECONDS ?? 30);
const clients = Number(process.env.HAMMER_CLIENTS ?? 8);
const prose = 'Graph neural networks forecast the load of power distribution grids from smart meter data, and we schedule the resources of edge devices with large models. ';
const keywords = Array.from({ length: 50 }, (_, i) => `keyword ${i} ${'k'.repeat(200)}`.slice(0, 200));
/** The largest drafts /v1/rank accepts (1,000-character title, 20,000-character abstract, 50 x 200-character keywords). */
const WORST: Record<string, object> = {
  'one 20k sentence': { title: 't'.repeat(1_000), abstract: prose.replace(/[.]/g, ',').repeat(140).slice(0, 20_000), keywords },
  '2,857 short sentences': { title: 't'.repeat(1_000), abstract: 'We go. '.repeat(2_857).slice(0, 20_000), keywords },
  '20k of prose sentences': { title: 't'.repeat(1_000), abstract: prose.repeat(140).slice(0, 20_000), keywords },
};
const NORMAL = {
  title: 'Large language models for resource scheduling in the Internet of Everything',
  abstract:
    'We study how large AI models can schedule resources across heterogeneous Internet of Everything devices. Our method compresses a large language model so that it runs at the network edge. Experiments on a testbed show lower latency and energy use than distributed baselines. We release code.',
  keywords: ['large AI models', 'edge computing'],
};

interface Answer {
  status: number;
  ms: number;
  /** The server's own timing of the embedding step (queue wait included), for 200s. */
  embedMs?: number;
}

function post(url: string, body: string, agent: Agent): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request(`${url}/v1/rank`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: 180_000 }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        const ms = performance.now() - t0;
        let embedMs: number | undefined;
        try {
          embedMs = (JSON.parse(text) as { timing_ms?: { embed?: number } }).timing_ms?.embed;
        } catch {
          /* an error body */
        }
        resolve({ status: res.statusCode ?? 0, ms, ...(embedMs === undefined ? {} : { embedMs }) });
      });
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.on('timeout', () => req.destroy());
    req.end(body);
  });
}

/** CPU seconds the server process (all its threads) has used: utime + stime from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN);
};
const counts = (xs: Answer[]) => xs.reduce<Record<string, number>>((m, a) => ((m[a.status] = (m[a.status] ?? 0) + 1), m), {});
const agentFor = (host: number) => new Agent({ keepAlive: true, localAddress: `127.0.0.${host}` });

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(RATE_LIMIT|EMBED_|REQUEST_TIMEOUT_MS|EMBEDDER)/.test(k))) as Record<string, string>;
const srv = await startServer({ LOG_LEVEL: 'silent', ...env }, 300_000);
const started = { load: loadavg().map((x) => x.toFixed(1)).join(' '), cpus: cpus().length };
try {
  await post(srv.url, JSON.stringify(NORMAL), agentFor(20)); // loads the model in the workers
  const worst: Record<string, { ms: number[]; cpu_s: number[] }> = {};
  const pid = srv.child.pid ?? 0;
  let host = 21;
  for (const [name, draft] of Object.entries(WORST)) {
    const w = (worst[name] = { ms: [] as number[], cpu_s: [] as number[] });
    for (let i = 0; i < 3; i++) {
      const cpu0 = await cpuSeconds(pid);
      // A fresh address each time: one client's rate limit allows only a few of these a minute.
      const a = await post(srv.url, JSON.stringify(draft), agentFor(host++));
      if (a.status !== 200) throw new Error(`worst draft "${name}" answered ${a.status}`);
      w.ms.push(Math.round(a.ms));
      // CPU time does not grow with other processes' load the way wall time does: on 2 idle cores the wall time is at least half of it.
      w.cpu_s.push(Math.round(((await cpuSeconds(pid)) - cpu0) * 100) / 100);
    }
  }
  const normalCpu0 = await cpuSeconds(pid);
  const normalAlone = await post(srv.url, JSON.stringify(NORMAL), agentFor(host++));
  const normalAloneCpu = Math.round(((await cpuSeconds(pid)) - normalCpu0) * 100) / 100;

  const end = Date.now() + seconds * 1_000;
  const bodies = Object.values(WORST).map((d) => JSON.stringify(d));
  const hammer: Answer[] = [];
  const hammering = Array.from({ length: clients }, async (_, c) => {
    const agent = agentFor(2 + c);
    for (let n = c; Date.now() < end; n++) {
      const a = await post(srv.url, bodies[n % bodies.length] as string, agent);
      hammer.push(a);
      // Refused at once (429/503): do not spin on the CPU the server needs.
      if (a.status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
  });
  const normal: Answer[] = [];
  const normalAgent = agentFor(10);
  await new Promise((r) => setTimeout(r, 2_000)); // the hammer is up to speed
  while (Date.now() < end) {
    const tick = new Promise((r) => setTimeout(r, 500));
    normal.push(await post(srv.url, JSON.stringify(NORMAL), normalAgent));
    await tick;
  }
  await Promise.all(hammering);
  const ok = normal.filter((a) => a.status === 200).map((a) => a.ms);
  const hammerOk = hammer.filter((a) => a.status === 200).map((a) => a.ms);
  console.log(
    JSON.stringify(
      {
        machine: `${started.cpus} cores, load average at start ${started.load}, at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
        server_env: env,
        worst_alone: worst,
        normal_alone: { ms: Math.round(normalAlone.ms), cpu_s: normalAloneCpu },
        hammer: { clients, seconds, requests: hammer.length, statuses: counts(hammer), ok_ms: { p50: pct(hammerOk, 50), max: pct(hammerOk, 100) } },
        normal: {
          requests: normal.length,
          statuses: counts(normal),
          ms: { p50: pct(ok, 50), p90: pct(ok, 90), p99: pct(ok, 99), max: pct(ok, 100) },
          embed_ms: { p50: pct(normal.flatMap((a) => (a.embedMs === undefined ? [] : [a.embedMs])), 50), p99: pct(normal.flatMap((a) => (a.embedMs === undefined ? [] : [a.embedMs])), 99) },
        },
      },
      null,
      2,
    ),
  );
} finally {
  srv.child.kill('SIGTERM');
  console.log(`server exit code after SIGTERM: ${await srv.exited}`);
  await rm(srv.dataDir, { recursive: true, force: true });
}
