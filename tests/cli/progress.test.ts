import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { out: string } {
  const s = { isTTY, out: '', write(chunk: string) { s.out += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { out: string };
}

describe('createProgress', () => {
  it('draws a bar with the percentage on a terminal and clears it at the end', () => {
    const s = fakeStream(true);
    const bar = createProgress(200, s, 10);
    bar.update(200, '5 ranked');
    expect(s.out).toBe('\r\x1b[2K[##########] 100% 5 ranked');
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
});
