/**
 * Read calls given on the command line: a folder of CFP files (`.json`
 * Calls and `.txt` raw CFPs) or a `.jsonl` file (Calls or the evaluation
 * format, one per line). Bad lines are errors that name the line.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readTextFile } from '../adapters/node/text-file.js';
import { callFromInput } from '../core/call-input.js';
import { parseCfp } from '../core/cfp/parse.js';
import { createError, isCfpError } from '../core/errors.js';
import type { Call } from '../core/schema.js';

export async function loadCalls(path: string): Promise<Call[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw createError('BAD_INPUT', `no such file or folder: ${path}`);
  }
  return info.isDirectory() ? loadCallsDir(path) : parseCallsJsonl(await readTextFile(path), path);
}

export function parseCallsJsonl(text: string, name: string): Call[] {
  const calls: Call[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw createError('BAD_INPUT', `${name}:${i + 1}: not valid JSON`);
    }
    try {
      calls.push(callFromInput(obj));
    } catch (err) {
      throw createError(isCfpError(err) ? err.code : 'BAD_INPUT', `${name}:${i + 1}: ${(err as Error).message}`, { cause: err });
    }
  });
  if (calls.length === 0) throw createError('BAD_INPUT', `${name}: no calls found`);
  return dedupe(calls, name);
}

async function loadCallsDir(dir: string): Promise<Call[]> {
  const names = (await readdir(dir)).sort();
  const jsonIds = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)));
  const calls: Call[] = [];
  for (const name of names) {
    const file = join(dir, name);
    if (name.endsWith('.json')) calls.push(callFromInput(JSON.parse(await readTextFile(file)) as unknown));
    else if (name.endsWith('.jsonl')) calls.push(...parseCallsJsonl(await readTextFile(file), file));
    else if (name.endsWith('.txt') && !jsonIds.has(name.slice(0, -4))) calls.push(parseCfp(await readTextFile(file), { id: name.slice(0, -4) }));
  }
  if (calls.length === 0) throw createError('BAD_INPUT', `${dir}: no calls found (.json, .jsonl or .txt)`);
  return dedupe(calls, dir);
}

function dedupe(calls: Call[], where: string): Call[] {
  const seen = new Set<string>();
  for (const c of calls) {
    if (seen.has(c.id)) throw createError('BAD_INPUT', `${where}: call id "${c.id}" appears twice`);
    seen.add(c.id);
  }
  return calls;
}
