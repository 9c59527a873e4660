import { describe, expect, it } from 'vitest';
import { editorCandidates, editorKey, EDITOR_FEATURES } from './editor-candidates.js';
import { chooseEditors, editorProbabilities, NEIGHBOUR_FEATURES, probability, secondFeatures, SHIPPED_EDITOR_MODEL, type EditorModel } from './editor-model.js';
import { toLines } from './lines.js';
import { sectionsOf } from './sections.js';
import { parseCfp } from './parse.js';

const candidatesOf = (text: string, rules: Parameters<typeof editorCandidates>[2] = []) => {
  const lines = toLines(text);
  return editorCandidates(lines, sectionsOf(lines), rules);
};
const feature = (c: { features: number[] }, name: (typeof EDITOR_FEATURES)[number]) => c.features[EDITOR_FEATURES.indexOf(name)];

describe('editor candidates', () => {
  it('reads every person the text names, once each, without honorifics, in text order', () => {
    const found = candidatesOf('Guest Editors:\nProf. Ana Pérez, University of Lisbon, ana.perez@ulisboa.pt\nDr. Kwame Osei (University of Ghana)\n\nWe thank Ana Pérez for the idea.');
    expect(found.map((c) => c.name)).toEqual(['Ana Pérez', 'Kwame Osei']);
    const [ana, kwame] = found;
    expect(ana && feature(ana, 'honorific')).toBe(1);
    expect(ana && feature(ana, 'email-spells-name')).toBe(1);
    expect(ana && feature(ana, 'affiliation-after')).toBe(1);
    expect(ana && feature(ana, 'label-line-above-1')).toBe(1);
    expect(ana?.lines).toEqual([1, 4]);
    expect(kwame && feature(kwame, 'label-line-above-3')).toBe(1);
  });

  it('finds names in prose around the role, and tells phrases the text also writes in lower case', () => {
    const found = candidatesOf('Machine Learning is used widely; machine learning matters.\nMaria Rossi and John Smith are the guest editors of this issue.');
    const maria = found.find((c) => c.name === 'Maria Rossi');
    expect(maria && feature(maria, 'label-after-same-line')).toBe(1);
    expect(maria && feature(maria, 'label-sentence')).toBe(1);
    expect(found.map((c) => c.name)).toContain('John Smith');
    const ml = found.find((c) => c.key === 'machine learning');
    expect(ml && feature(ml, 'lower-elsewhere')).toBe(1);
  });

  it('keeps the rules\' editors as candidates, marked, even when no run of the text spells them the same way', () => {
    const rule = { name: 'Jean-Luc Picard', affiliation: 'Starfleet Academy' };
    const found = candidatesOf('Guest editor\nJ.-L. Picard', [rule]);
    const picard = found.find((c) => c.rule === rule);
    expect(picard?.lines).toEqual([]);
    expect(picard && feature(picard, 'rule')).toBe(1);
    expect(found[found.length - 1]).toBe(picard);
  });

  it('folds accents, honorifics and initials in its key', () => {
    expect(editorKey('Dr. Ana M. Pérez')).toBe('ana perez');
    // A nickname in parentheses is no part of the name, as the parser drops it; an affiliation's aside stays what it was.
    expect(editorKey('Michelle (Lani) Shiota')).toBe(editorKey('Michelle Shiota'));
    expect(editorKey('John F. (Jeff) Tanner Jr.')).toBe('john tanner jr');
  });
});

describe('editor model', () => {
  const model: EditorModel = {
    features: ['bias', 'rule', 'affiliation-after'],
    first: [-2, 4, 1],
    second: [...EDITOR_FEATURES.map((f) => (f === 'bias' ? -3 : 0)), ...NEIGHBOUR_FEATURES.map((f) => (f === 'self-p' ? 6 : f === 'near-max-p' ? 3 : 0))],
    threshold: 0.5,
    ruleThreshold: 0.5,
  };
  // Second-model weights are named after the first's features then the neighbour features.
  const named: EditorModel = { ...model, features: [...EDITOR_FEATURES], first: EDITOR_FEATURES.map((f) => (f === 'bias' ? -2 : f === 'rule' ? 4 : f === 'affiliation-after' ? 1 : 0)) };

  it('is a logistic model', () => {
    expect(probability([1, 0], [0, 5])).toBe(0.5);
    expect(probability([1], [10])).toBeGreaterThan(0.99);
  });

  it('gives the second model what the first said of each name and of the names beside it', () => {
    const x = secondFeatures([{ name: 'A B', key: 'a b', lines: [0], features: [1] }, { name: 'C D', key: 'c d', lines: [2], features: [1] }], [0.9, 0.2]);
    expect(x[0]).toEqual([1, 0.9, 0, 0.2, 0, 0.2]);
    expect(x[1]).toEqual([1, 0.2, 0, 0.9, 1 / 3, 0.9]);
  });

  it('keeps the rules\' editors it believes, whole, and adds the names it believes (here lifted by a confident name beside them), dropping the rest', () => {
    const rule = { name: 'Ana Pérez', affiliation: 'University of Lisbon', email: 'ana@ulisboa.pt' };
    const lines = toLines('Guest Editors:\nAna Pérez, University of Lisbon\nKwame Osei, University of Ghana\n\n\n\n\nSpecial thanks: Peter Pan');
    const candidates = editorCandidates(lines, sectionsOf(lines), [rule]);
    const p = editorProbabilities(candidates, named);
    expect(p).toHaveLength(candidates.length);
    const chosen = chooseEditors(candidates, { editors: [rule], used: new Set([1]) }, named);
    expect(chosen.editors).toEqual([rule, { name: 'Kwame Osei' }]);
    // The rules' lines while it keeps one of theirs, then the lines of the names it added.
    expect(chosen.lines).toEqual([1, 2]);
  });

  it('ships weights for the features the parser computes', () => {
    expect(SHIPPED_EDITOR_MODEL.features).toEqual([...EDITOR_FEATURES]);
    expect(SHIPPED_EDITOR_MODEL.second).toHaveLength(EDITOR_FEATURES.length + NEIGHBOUR_FEATURES.length);
    expect(SHIPPED_EDITOR_MODEL.threshold).toBeGreaterThan(0);
  });

  it('is the parser\'s default, and the rules alone stay one option away', () => {
    // A signature block with no editors label: no rule reads it; honorifics, affiliations and e-mails that spell the names say who they are.
    const text = 'Special Issue on Coastal Resilience\n\nThis issue studies coastal resilience in a changing climate and invites papers on flooding.\n\nSincerely,\nProf. Maria Rossi, University of Padua, maria.rossi@unipd.it\nDr. John Smith, University of Leeds, j.smith@leeds.ac.uk\n';
    expect(parseCfp(text, { editorChooser: 'rules' }).guest_editors).toEqual([]);
    const call = parseCfp(text);
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Maria Rossi', 'John Smith']);
    expect(call.field_sources?.guest_editors?.where).toBe('lines 6-7');
  });
});
