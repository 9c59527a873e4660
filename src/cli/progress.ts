/**
 * A one-line progress bar with the rate and the time left, on stderr, drawn only when stderr is a
 * terminal (pipes and CI logs get nothing, so they stay clean and parseable). A few lines of our
 * own instead of a dependency: all it needs is `\r`, a clear-line escape and a throttle.
 */
export interface Progress {
  /** Report `done` of `total` (bytes, rows...) and a short label. */
  update(done: number, label?: string): void;
  /** Clear the bar (before printing a message, and at the end). */
  finish(): void;
}

/**
 * Seconds as `42s`, `3m05s` or `1h02m`.
 *
 * @example
 * formatDuration(185) // '3m05s'
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * @example
 * const bar = createProgress(fileSize);
 * bar.update(bytesRead, `${rows} drafts`);
 * bar.finish();
 */
export function createProgress(total: number, stream: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean } = process.stderr, width = 30, now: () => number = Date.now): Progress {
  if (!stream.isTTY || total <= 0) return { update: () => {}, finish: () => {} };
  const start = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, label = '') {
      const t = now();
      if (t - last < 100 && done < total) return; // at most ten redraws a second
      last = t;
      const frac = Math.min(1, Math.max(0, done / total));
      const fill = Math.round(frac * width);
      const elapsed = (t - start) / 1000;
      // The time left only once there is something to extrapolate from.
      const eta = frac > 0 && frac < 1 && elapsed >= 1 ? ` · ${formatDuration((elapsed / frac) * (1 - frac))} left` : frac >= 1 ? ` · ${formatDuration(elapsed)}` : '';
      stream.write(`\r\x1b[2K[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${Math.round(frac * 100)}%${eta}${label ? ` · ${label}` : ''}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
