import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';

describe('round 5: marks a crawl could not encode', () => {
  it('reads a run of question marks as a bullet, and a line of them as blank', () => {
    const lines = toLines('Topics:\n??????? Cloud Computing\n?\nWhy? Because.');
    expect(lines.map((l) => l.kind)).toEqual(['heading', 'bullet', 'blank', 'text']);
    expect(lines[1]?.text).toBe('Cloud Computing');
  });
});
