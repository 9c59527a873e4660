/**
 * Runs one measurement in a child process, so peak RSS and heap state are
 * that measurement's alone. The parent passes a JSON job in argv and reads
 * one `RESULT <json>` line from stdout.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runLoad } from './load-run.js';
import { runRank, type RankRunOptions } from './rank-run.js';

export type ChildJob = { kind: 'rank'; options: RankRunOptions } | { kind: 'load'; dir: string; dims: number };

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

/**
 * @example
 * const result = await runInChild<RankRunResult>({ kind: 'rank', options });
 */
export function runInChild<T>(job: ChildJob, timeoutMs = 20 * 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=6144', MAIN, '--child', JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)) as T);
      else reject(new Error(`bench child ${job.kind} exited with ${code}`));
    });
  });
}

/** The child side: run the job and print its result. */
export async function childMain(jobJson: string): Promise<void> {
  const job = JSON.parse(jobJson) as ChildJob;
  const result = job.kind === 'rank' ? await runRank(job.options) : await runLoad(job.dir, job.dims);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}
