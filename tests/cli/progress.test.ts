import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean): { isTTY: boolean; out: string; write(chunk: string): boolean } {
  const s = { isTTY, out: '', write(chunk: string) { s.out += chunk; return true; } };
  return s;
}

describe('createProgress', () => {
  it('draws a bar with the percentage, the time left and a label on a terminal, and clears it', () => {
    const s = fakeStream(true);
    let t = 0;
    const bar = createProgress(200, s, 10, () => t);
    t = 10_000; // 10 s for a quarter: 30 s left
    bar.update(50, '5 ranked');
    expect(s.out).toBe('\r\x1b[2K[###-------] 25% · 30s left · 5 ranked');
    t = 40_000;
    bar.update(200);
    expect(s.out.endsWith('[##########] 100% · 40s')).toBe(true);
    bar.finish();
    expect(s.out.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('writes nothing when the stream is not a terminal', () => {
    const s = fakeStream(false);
    const bar = createProgress(200, s);
    bar.update(100);
    bar.finish();
    expect(s.out).toBe('');
  });

  it('formats durations', () => {
    expect([5, 185, 3725].map(formatDuration)).toEqual(['5s', '3m05s', '1h02m']);
  });
});
