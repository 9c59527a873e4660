import { describe, expect, it } from 'vitest';
import { startsWithCountry } from './places.js';

describe('startsWithCountry', () => {
  it('reads a country that is the whole of the part after a name', () => {
    expect(startsWithCountry(', Brazil. He is also Research Director')).toBe(true);
    expect(startsWithCountry(' (U.S.A.)')).toBe(true);
    expect(startsWithCountry(', The Netherlands')).toBe(true);
    expect(startsWithCountry(', Brasil')).toBe(true);
    expect(startsWithCountry(', Deutschland\n')).toBe(true);
    expect(startsWithCountry(', United Kingdom; e-mail')).toBe(true);
  });

  it('is not fooled by a person or an institution that starts with a country word', () => {
    expect(startsWithCountry(', Jordan Smith, University of Leeds')).toBe(false);
    expect(startsWithCountry(', Georgia Institute of Technology')).toBe(false);
    expect(startsWithCountry(', University of Lisbon')).toBe(false);
    expect(startsWithCountry('')).toBe(false);
  });
});
