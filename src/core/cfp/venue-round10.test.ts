import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { venueCandidates } from './venue-candidates.js';

const candidates = (text: string) => {
  const lines = toLines(text);
  return venueCandidates({ lines, links: [], plain: lines.map((l) => l.text).join('\n') });
};

describe('venue candidates, round 10', () => {
  it('offers a journal named in French, its name running on in lower case, ending on a capitalised word', () => {
    const cs = candidates('Appel à contributions\n\nLa Revue internationale des Francophonies lance un appel à contribution sur le thème des scènes culturelles.');
    const c = cs.find((x) => x.text === 'Revue internationale des Francophonies');
    expect(c?.sources).toContain('foreign-journal');
    expect(cs.map((x) => x.text)).not.toContain('Revue internationale des');
  });

  it('offers the journal an issue or a call for contributions belongs to, in other languages', () => {
    const cs = candidates('Appel à contributions de Currents in Music Research (CMR), pour son no 4.\n\nNúmero da revista Cadernos de Linguística sobre letramento.');
    expect(cs.find((x) => x.text === 'Currents in Music Research')?.sources).toContain('ctx:revue-de');
    expect(cs.map((x) => x.text)).toContain('Cadernos de Linguística');
  });

  it('does not read lower-case prose after "dossier de" as a journal', () => {
    const cs = candidates('Le dossier de la revue porte sur la comparaison.');
    expect(cs.some((x) => x.sources.includes('ctx:revue-de'))).toBe(false);
  });
});

describe('venue candidates, round 11', () => {
  const fromSource = (text: string, source: string) => candidates(text).filter((c) => c.sources.includes(source)).map((c) => c.text);

  it('reads the journal after "la revue" / "da revista" up to its verb, lower case kept', () => {
    expect(fromSource('Cet appel à articles de la revue terrains et travaux propose d’interroger.', 'ctx:la-revue')).toEqual(['terrains et travaux']);
    expect(fromSource('Pour un numéro spécial, la revue Santé publique lance un appel.', 'ctx:la-revue')).toEqual(['Santé publique']);
    expect(fromSource('um número especial da revista “Saúde em Debate”, editada pelo Cebes.', 'ctx:la-revue')).toEqual(['Saúde em Debate']);
    expect(fromSource('Le but de la revue est de publier des articles.', 'ctx:la-revue')).toEqual([]);
  });

  it('reads a journal that invites papers', () => {
    expect(fromSource('Res Philosophica invites papers on the topic of modal epistemology.', 'ctx:x-invites')).toEqual(['Res Philosophica']);
  });
});
