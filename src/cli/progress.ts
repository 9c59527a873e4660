/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal
 * (pipes and CI logs get nothing). A dozen lines of our own instead of a
 * dependency: all it needs is `\r`, a clear-line escape and a throttle.
 */
export interface Progress {
  /** Report `done` of `total` (bytes, rows...) and a short label. */
  update(done: number, label?: string): void;
  /** Clear the bar. */
  finish(): void;
}

/**
 * @example
 * const bar = createProgress(fileSize);
 * bar.update(bytesRead, `${rows} drafts`);
 * bar.finish();
 */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr, width = 30): Progress {
  if (!stream.isTTY || total <= 0) return { update: () => {}, finish: () => {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, label = '') {
      const now = Date.now();
      if (now - last < 100 && done < total) return; // at most ten redraws a second
      last = now;
      const frac = Math.min(1, Math.max(0, done / total));
      const fill = Math.round(frac * width);
      stream.write(`\r\x1b[2K[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${Math.round(frac * 100)}% ${label}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
