import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../../tests/fixtures/cfp-deadline.js';


describe('round 25: deadlines', () => {
  it('reads the Spanish label "Fecha de cierre de la convocatoria" (the call\'s closing date), not its opening date', () => {
    expect(deadlineOf('Fechas importantes:\n- Fecha de apertura de la convocatoria: 1 de marzo de 2023.\n- Fecha de cierre de la convocatoria: 15 de junio de 2023.')).toBe('2023-06-15');
  });

  it('reads the Italian label "Invio entro"', () => {
    expect(deadlineOf('NR. 2 - 2021 - Filosofia e confine\n\nInvio entro: 15 giugno 2021')).toBe('2021-06-15');
  });

  it('reads the Russian label "Приём материалов" and a Russian date ("до 31 мая 2024")', () => {
    expect(deadlineOf('-   Приём материалов: до 31 мая 2024.')).toBe('2024-05-31');
  });
});
