/**
 * kill -9 at random points (issue #21): the real built server is SIGKILLed over FAULT_ROUNDS rounds
 * (default 4; `npm run faults` runs 50) while admin writes, deletes and rankings are in flight, and
 * some rounds during start-up itself. Every start must serve, and every write the server
 * acknowledged (201, 204) must be there after the restart. A write whose answer never arrived may
 * have landed or not; the next acknowledged write to that id decides again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { ensureBuilt } from '../fixtures/ensure-built.js';
import { LAM_DRAFT } from '../http/helpers.js';
import { deleteCall, lostCalls, makeCall, postCall, removeTinyModel, tinyServerEnv, type Acknowledged } from './fault-kit.js';
import { startServer, type RunningServer } from './server.js';
import { copySeedCalls } from '../fixtures/cfp/load.js';

const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 4);
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
const WORKERS = 3;
let dataDir = '';

beforeAll(async () => {
  ensureBuilt();
  dataDir = await mkdtemp(join(tmpdir(), 'cfpmatch-kill-'));
  copySeedCalls(join(dataDir, 'calls'));
}, 240_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await removeTinyModel();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9 at random points', () => {
  it(`over ${ROUNDS} rounds: every start serves, no acknowledged write is lost`, async () => {
    const env = await tinyServerEnv({ LOG_LEVEL: 'silent' });
    const rnd = createRng(SEED);
    const acked: Acknowledged = new Map();
    const problems: string[] = [];
    const stats = { writes: 0, acknowledged: 0, unanswered: 0, rankings: 0, startupKills: 0 };
    const count = (status: number, ok: number) => (status === ok ? stats.acknowledged++ : status === 0 ? stats.unanswered++ : 0);

    for (let round = 0; round < ROUNDS; round++) {
      if (round % 5 === 4) {
        // Mid start-up: reading the index, syncing, saving.
        const srv = await startServer(env, { dataDir, noWait: true });
        await sleep(100 + rnd() * 1_400);
        srv.child.kill('SIGKILL');
        await srv.exited;
        stats.startupKills++;
        continue;
      }
      let srv: RunningServer;
      try {
        srv = await startServer(env, { dataDir, timeoutMs: 120_000 });
      } catch (err) {
        problems.push(`round ${round}: the server did not start: ${(err as Error).message.slice(0, 500)}`);
        break;
      }
      problems.push(...(await lostCalls(srv.url, acked)).map((l) => `round ${round}: ${l}`));
      let killed = false;
      const worker = async (w: number) => {
        // Each worker owns its ids, so the order of acknowledgements is the order of the writes.
        const ids = Array.from({ length: 4 }, (_, i) => `kill-w${w}-${i}`);
        for (let n = 0; !killed; n++) {
          const id = ids[Math.floor(rnd() * ids.length)] as string;
          const op = rnd();
          if (op < 0.5) {
            const call = makeCall(id, `r${round}n${n}`, 200 + Math.floor(rnd() * 3_000));
            stats.writes++;
            const { status } = await postCall(srv.url, call);
            count(status, 201);
            if (status === 201) acked.set(id, call.title as string);
            else if (status === 0) acked.delete(id);
            else problems.push(`round ${round}: POST ${id} answered ${status}`);
          } else if (op < 0.7) {
            if (!acked.get(id)) continue;
            stats.writes++;
            const status = await deleteCall(srv.url, id);
            count(status, 204);
            if (status === 204) acked.set(id, null);
            else if (status === 0) acked.delete(id);
            else problems.push(`round ${round}: DELETE ${id} answered ${status}`);
          } else {
            const res = await fetch(`${srv.url}/v1/rank`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LAM_DRAFT) }).catch(() => undefined);
            if (res && res.status !== 200) problems.push(`round ${round}: rank answered ${res.status}`);
            stats.rankings++;
          }
        }
      };
      const work = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
      await sleep(200 + rnd() * 2_300);
      if (srv.child.exitCode !== null || srv.child.signalCode !== null) problems.push(`round ${round}: the server exited by itself (${srv.child.exitCode ?? srv.child.signalCode})`);
      killed = true;
      srv.child.kill('SIGKILL');
      await srv.exited;
      await work;
    }

    const last = await startServer(env, { dataDir, timeoutMs: 120_000 });
    problems.push(...(await lostCalls(last.url, acked)).map((l) => `final: ${l}`));
    const rank = await fetch(`${last.url}/v1/rank`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LAM_DRAFT) });
    expect(rank.status).toBe(200);
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
    console.info(
      `kill -9 test: ${ROUNDS} rounds (seed ${SEED}), ${stats.startupKills} kills during start-up, ${stats.writes} writes (${stats.acknowledged} acknowledged, ${stats.unanswered} cut off by the kill), ${stats.rankings} rankings; problems: ${problems.length}`,
    );
    expect(problems).toEqual([]);
  }, 120_000 + ROUNDS * 60_000);
});
