/**
 * Shared pieces of the fault-injection suites: the real built server on a tiny generated ONNX model
 * (fast restarts through the real transformers.js path), small tmpfs mounts where the runner allows
 * `mount`, a preload that injects fs errors where it does not, and admin helpers that record what the
 * server acknowledged.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { makeTinyModel } from '../fixtures/tiny-model/make-tiny-model.js';

export const TOKEN = 'fault-token';
export const FS_FAULTS = join(import.meta.dirname, 'fixtures/fs-faults.mjs');

let models: string | undefined;

/**
 * A maker of temporary folders `cfpmatch-<name>-*` that are removed after the test file.
 *
 * @example
 * const tempDir = tempDirs();
 * const dir = await tempDir('crash');
 */
export function tempDirs(): (name: string) => Promise<string> {
  const temps: string[] = [];
  afterAll(async () => {
    for (const d of temps) await rm(d, { recursive: true, force: true });
  });
  return async (name) => {
    const d = await mkdtemp(join(tmpdir(), `cfpmatch-${name}-`));
    temps.push(d);
    return d;
  };
}

/** Environment for the server on the tiny ONNX model (generated once per test file). */
export async function tinyServerEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  if (!models) {
    models = await mkdtemp(join(tmpdir(), 'cfpmatch-tiny-'));
    await makeTinyModel(models, 'tiny/bert-tiny');
  }
  return { EMBEDDER: 'onnx', MODELS_DIR: models, EMBEDDING_MODEL: 'tiny/bert-tiny', ADMIN_TOKEN: TOKEN, RATE_LIMIT: 'off', ...extra };
}

export async function removeTinyModel(): Promise<void> {
  if (models) await rm(models, { recursive: true, force: true });
  models = undefined;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe' });

/** Whether this runner may mount a tmpfs (root in a container with CAP_SYS_ADMIN). */
export async function canMount(): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-mount-probe-'));
  try {
    run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    run('umount', [dir]);
    return true;
  } catch {
    return false;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A fresh tmpfs of `kb` KiB at a new folder. */
export async function mountTmpfs(kb: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-tmpfs-'));
  await mkdir(dir, { recursive: true });
  run('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  return dir;
}

export function remount(dir: string, mode: 'ro' | 'rw'): void {
  run('mount', ['-o', `remount,${mode}`, dir]);
}

export async function unmount(dir: string): Promise<void> {
  try {
    run('umount', ['-l', dir]);
  } catch {
    /* already gone */
  }
  await rm(dir, { recursive: true, force: true });
}

const admin = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };

/** POST a call; the status, or 0 when the connection failed (killed, refused). */
export async function postCall(url: string, call: unknown): Promise<{ status: number; body: unknown }> {
  try {
    const res = await fetch(`${url}/v1/calls`, { method: 'POST', headers: admin, body: JSON.stringify(call), signal: AbortSignal.timeout(60_000) });
    return { status: res.status, body: await res.json().catch(() => null) };
  } catch {
    return { status: 0, body: null };
  }
}

export async function deleteCall(url: string, id: string): Promise<number> {
  try {
    const res = await fetch(`${url}/v1/calls/${id}`, { method: 'DELETE', headers: admin, signal: AbortSignal.timeout(60_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** A valid call of about `scopeChars` characters of scope. */
export function makeCall(id: string, version: string, scopeChars = 400): Record<string, unknown> {
  const scope = `Version ${version} of ${id}: distributed ledgers, consensus and edge inference. `.repeat(Math.ceil(scopeChars / 80)).slice(0, scopeChars);
  return { id, title: `Call ${id} ${version}`, scope, topics: [`consensus ${version}`, `edge inference ${id}`] };
}

/** What the server acknowledged for each call id: its title, `null` for deleted, absent when unknown. */
export type Acknowledged = Map<string, string | null>;

/** Check every acknowledged call against the running server; returns the ids that differ. */
export async function lostCalls(url: string, acked: Acknowledged): Promise<string[]> {
  const lost: string[] = [];
  for (const [id, title] of acked) {
    const res = await fetch(`${url}/v1/calls/${id}`);
    const body = (await res.json()) as { title?: string };
    if (title === null ? res.status !== 404 : res.status !== 200 || body.title !== title) lost.push(`${id}: expected ${title === null ? 'deleted' : title}, got ${res.status} ${body.title ?? ''}`);
  }
  return lost;
}
