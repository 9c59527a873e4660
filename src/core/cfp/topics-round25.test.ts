import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { inlineTopics } from './inline-lists.js';
import { parseCfp } from './parse.js';
import { withoutCutEnd } from './topics.js';

const HEAD = 'Special Issue on Porous Pavements\n\nThis special issue invites papers on the evaluation of porous pavements.\n\n';

describe('round 25: topics', () => {
  it('drops a last topic the text ends inside, mid-word or on a word no topic ends with', () => {
    const cut = (text: string) => withoutCutEnd(toLines(text).filter((l) => l.kind === 'bullet').map((l) => l.text), toLines(text));
    // A word the text writes elsewhere only as the start of a longer one ("evaluat" beside "evaluation").
    expect(cut(`${HEAD}Topics include:\n- New binders\n- Recycled aggregates\n- Mechanistic analysis and evaluat`)).toEqual(['New binders', 'Recycled aggregates']);
    // A preposition, a word of one small letter.
    expect(cut(`${HEAD}Topics include:\n- New binders\n- Inequities related to or impacting for`)).toEqual(['New binders']);
    expect(cut(`${HEAD}Topics include:\n- New binders\n- Risks among workers who are j`)).toEqual(['New binders']);
    // A whole last topic stays, and so does one the text goes on after.
    expect(cut(`${HEAD}Topics include:\n- New binders\n- Recycled aggregates`)).toEqual(['New binders', 'Recycled aggregates']);
    expect(cut(`${HEAD}Topics include:\n- New binders\n- Scaling up`)).toEqual(['New binders', 'Scaling up']);
    expect(cut(`${HEAD}Topics include:\n- New binders\n- Mechanistic analysis and\n\nDeadline: 1 May 2025.`)).toEqual(['New binders', 'Mechanistic analysis and']);
  });

  it('drops only the cut item of items a page ran into one line', () => {
    const text = `${HEAD}Of interest are papers on:\n\n• drainage design • clogging\n• noise reduction • r`;
    expect(parseCfp(text).topics).toEqual(['drainage design • clogging', 'noise reduction']);
  });

  it('takes a list under a "Keywords" heading or label when no sentence leads into a list', () => {
    const facts = '## Journal facts\n\n- Open access\n- ISSN 1234-5678\n- Impact Factor: 2.1\n\n';
    const call = parseCfp(`Special Issue on Model Ensembles\n\n${facts}This Special Issue focuses on ensembles of models.\n\n### 3.2 Keywords {#keywords}\n\n- Surrogate modeling\n- Ensemble methods\n- Symbolic computation\n`);
    expect(call.topics).toEqual(['Surrogate modeling', 'Ensemble methods', 'Symbolic computation']);
    const bold = parseCfp(`Special Issue on Model Ensembles\n\n${facts}This Special Issue focuses on ensembles of models.\n\n**Keywords:**\n\n- Surrogate modeling\n- Ensemble methods\n- Symbolic computation\n`);
    expect(bold.topics).toEqual(['Surrogate modeling', 'Ensemble methods', 'Symbolic computation']);
    // A list a sentence leads into stays the topics.
    const led = parseCfp('Special Issue on Model Ensembles\n\nThe papers can be grouped in three sections:\n\n1. Reviews of ensembles\n2. Case studies of surrogates\n3. Decision support\n\nKeywords:\n\n- Surrogate modeling\n- Ensemble methods\n- Symbolic computation\n');
    expect(led.topics).toEqual(['Reviews of ensembles', 'Case studies of surrogates', 'Decision support']);
  });

  it('keeps a bracket with commas inside its item in an inline list led by topics', () => {
    expect(inlineTopics(['Topics of interest include but are not limited to the following topics related to insurers: claims pricing, risk management (including credit risk, lapse risk, and others), moral hazard, and solvency rules.'])).toEqual([
      'claims pricing', 'risk management (including credit risk, lapse risk, and others)', 'moral hazard', 'solvency rules',
    ]);
    // A list the lead-in does not name as topics is split as before.
    expect(inlineTopics(['The journal is indexed in the following services: Index One, Index Two (Science Citation Index including the Web, Alerts, Contents), Index Three, and Index Four.'])).not.toContain('Index Two (Science Citation Index including the Web, Alerts, Contents)');
  });

  it('reads "for example:", "entre autres :" and "Mögliche Aspekte:" as lead-ins of a topic list, without an item of examples only', () => {
    const en = parseCfp('Special Issue on Fathers and Families\n\nWe seek manuscripts on fatherhood.\n\nManuscripts can address, for example:\n\n- Father engagement in child welfare services\n- Policy frameworks for paternal leave\n');
    expect(en.topics).toEqual(['Father engagement in child welfare services', 'Policy frameworks for paternal leave']);
    const fr = parseCfp('Numéro spécial sur les archives créoles\n\nCe numéro invite des contributions.\n\nNous accueillons des essais qui abordent, entre autres :\n\n- collections numériques en créole ;\n- analyse de corpus de sources ;\n');
    expect(fr.topics).toEqual(['collections numériques en créole', 'analyse de corpus de sources']);
    const de = parseCfp('Call for Articles: Krisen im Gesundheitswesen\n\nWir suchen Beiträge.\n\nMögliche Aspekte:\n\n  • Lehren aus vergangenen Krisen\n  • Erfahrungen aus Pflegeberufen\n  • (z. B. Pandemie, Hochwasser)\n  • Resilienz der Versorgung\n');
    expect(de.topics).toEqual(['Lehren aus vergangenen Krisen', 'Erfahrungen aus Pflegeberufen', 'Resilienz der Versorgung']);
  });
});
