import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';
import { parseCfp } from './parse.js';

const isos = (t: string) => findDates(t).map((d) => d.iso);
const deadlineOf = (line: string) => parseCfp(`Special Issue on Soil\n\nWe invite papers on soil and carbon in farms.\n\n${line}\n`).dates.submission_deadline;

describe('dates in French, Spanish, Portuguese, Italian and German', () => {
  it('reads day, month name and year as those languages write them', () => {
    expect(isos('30 septembre 2021')).toEqual(['2021-09-30']);
    expect(isos('avant le 1er octobre 2023')).toEqual(['2023-10-01']);
    expect(isos('hasta el 30 de abril de 2025')).toEqual(['2025-04-30']);
    expect(isos('até 1º de março de 2024')).toEqual(['2024-03-01']);
    expect(isos('entro il 15 giugno 2022')).toEqual(['2022-06-15']);
    expect(isos('bis zum 28. Mai 2023')).toEqual(['2023-05-28']);
    expect(isos('im März 2024')).toEqual(['2024-03']);
  });

  it('reads no month inside another word', () => {
    expect(isos('Marseille 2020')).toEqual([]);
    expect(isos('Maison 2020')).toEqual([]);
  });

  it('takes the deadline from those languages\' labels', () => {
    expect(deadlineOf('Date limite de soumission : 30 septembre 2021')).toBe('2021-09-30');
    expect(deadlineOf('Date de clôture de l’appel : 8 septembre 2025')).toBe('2025-09-08');
    expect(deadlineOf('Einreichfrist: 28.05.2023')).toBe('2023-05-28');
    expect(deadlineOf('Fecha límite: 30 de abril de 2025')).toBe('2025-04-30');
    expect(deadlineOf('Prazo: 1º de março de 2024')).toBe('2024-03-01');
  });
});
