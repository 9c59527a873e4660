import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../../tests/fixtures/cfp-deadline.js';
import { collectDates } from './schedule.js';
import { toLines } from './lines.js';
import { parseCfp } from './parse.js';


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

  it('reads "you are invited to contribute a piece by <date>" after an issue date', () => {
    expect(deadlineOf('The Review will publish a forum on teaching in its March 2016 issue. If you teach the course, you are invited to contribute a short essay by June 1, 2015.')).toBe('2015-06-01');
  });

  it('reads the French "devront être soumis avant le <date>" and not the abstracts\' date before it', () => {
    expect(deadlineOf('La date limite pour les résumés est le 10 janvier 2024. Les textes retenus devront être soumis avant le **30 avril 2024**.')).toBe('2024-04-30');
  });

  it('reads the German "Einsendeschluss ist der <date>" and "bis zum <date> eingereicht werden"', () => {
    expect(deadlineOf('Für die Ausgabe 1-2025 suchen wir Beiträge.\n\nEinsendeschluss ist der 15.09.2024')).toBe('2024-09-15');
    expect(deadlineOf('Beiträge mit höchstens 6000 Wörtern können bis zum 30.06.2023 eingereicht werden.')).toBe('2023-06-30');
    // A span of days ("vom 1. bis zum 3. März") is no deadline.
    expect(deadlineOf('Die Tagung findet vom 1. bis zum 3. März 2024 in Wien statt.')).toBeUndefined();
  });

  it('reads a label and the date that ends its line with no colon ("Fecha límite para la recepción de artículos 15 de junio de 2025")', () => {
    expect(deadlineOf('Número 12: Literatura y memoria\nFecha límite para la recepción de artículos 15 de junio de 2025\n\nEl número reúne ensayos.')).toBe('2025-06-15');
    expect(deadlineOf('The deadline for submissions is 1 June 2009.')).toBe('2009-06-01');
    // A post's byline is no deadline.
    expect(deadlineOf('Call for submissions posted 12 May 2024')).toBeUndefined();
  });

  it('takes the manuscripts\' deadline after one for "proposals/abstracts of papers" (the papers there are what the abstracts are of)', () => {
    expect(deadlineOf('Deadline for submitting proposals/abstracts of articles: June 1, 2022.\nAcceptance of proposals: June 15, 2022.\nDeadline for submitting manuscripts: September 30, 2022.')).toBe('2022-09-30');
  });

  it('gives no paper deadline for a call that gives only its abstracts\' deadline, but keeps a proposals\' deadline', () => {
    expect(deadlineOf('Parents and Schools: New Research\n\nRevised Abstract Submission Deadline: April 30, 2025\n\nThe journal announces a special issue.')).toBeUndefined();
    expect(deadlineOf('Deadline for proposals: 1 December 2025')).toBe('2025-12-01');
    // The full papers' deadline after the abstracts' is still read.
    expect(deadlineOf('Abstract deadline: 1 March 2025\nFull paper deadline: 1 July 2025')).toBe('2025-07-01');
  });

  it('keeps the abstracts\' date of such a call as its abstract deadline, so nothing the call says is lost', () => {
    const { dates } = collectDates(toLines('Abstract Submission Deadline: April 30, 2025\n\nThe journal announces a special issue.'), '2026-01-01');
    expect(dates).toEqual({ abstract_deadline: '2025-04-30' });
  });

  it('cites the whole line as the deadline\'s source when its label runs into the date as a sentence', () => {
    const call = parseCfp('Special Issue on Soil Care\n\nWe invite papers on soil care and soil policy.\nSubmissions close on April 30, 2027.\n');
    expect(call.dates.submission_deadline).toBe('2027-04-30');
    expect(call.field_sources?.['dates.submission_deadline']?.where).toContain('Submissions close on April 30, 2027.');
  });
});

