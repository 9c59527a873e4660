import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';

const editors = (line: string) => parseCfp(`Special Issue on Soil\n\n${line}\n\nWe invite papers on soil and water.\n`).guest_editors.map((e) => e.name);

describe('round 23: guest editors', () => {
  it('reads the Portuguese and Spanish label "Editores", the last two names joined by "e"', () => {
    expect(editors('Editores: Ana Lima Souza (Ufes), Bruno Amaral de Andrade (UFBA), Rodrigo Paiva (Universidade Federal do Rio Grande do Sul – UFRGS) e Susana Oliveira Dias (Universidade Estadual de Campinas – Unicamp).'))
      .toEqual(['Ana Lima Souza', 'Bruno Amaral de Andrade', 'Rodrigo Paiva', 'Susana Oliveira Dias']);
  });

  it('ends a labelled list at its sentence and takes no role repeated after the label', () => {
    expect(editors('Guest editors: guest editor, Xia Yao (University of Melbourne) and Samantha Zhan Xu (University of Sydney). Deadline for abstracts: May 30, 2021.'))
      .toEqual(['Xia Yao', 'Samantha Zhan Xu']);
  });

  it('keeps no full stop after the last name, but keeps "Jr."', () => {
    expect(editors('Guest editors: Ann Yao (University of Melbourne) and Samantha Xu (University of Sydney).')).toEqual(['Ann Yao', 'Samantha Xu']);
    expect(editors('Guest editors: Ann Yao (University of Melbourne) and John Tanner Jr.')).toContain('John Tanner Jr.');
  });
});
