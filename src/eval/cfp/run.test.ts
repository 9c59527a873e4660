/**
 * The CFP development set as the parser's regression suite: every field on
 * the tuning split must stay at or above what it measured when this was written
 * (npm run eval:cfp prints the current numbers and the failures).
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCfpEval } from './run.js';
import { norm, normName, sameTopic, scoreCase, summarise, type CfpTruth } from './score.js';

const CASES = join(import.meta.dirname, '../../../eval/cfp/cases');

describe('CFP development set', () => {
  // Parsing all the calls (875 now) takes about 45 s alone and over two minutes on a loaded two-core machine; the ceiling only stops a hung run.
  it('holds every field of the tuning split at or above its measured level, whatever the held-out split holds', { timeout: 240_000 }, async () => {
    const { tune, heldout, scores } = await runCfpEval(CASES);
    expect(scores.length).toBeGreaterThanOrEqual(320);
    expect(scores.filter((s) => s.split === 'tune' && s.error)).toEqual([]);
    // Floors a little under what `npm run eval:cfp` measured on the tuning split (232 calls since round 7, when the 37 round-6 held-out calls joined it: 0.866 / 0.862 / 0.940 / 0.960 / 0.933 / 0.998 with the round-6 rules, 0.914 / 0.888 / 0.944 / 0.963 / 0.951 / 0.998 with round 7's), so one call's change is visible.
    // Round 8: titles are chosen by the learned chooser (data/title-model.json), 0.957 on these calls; it was trained on all of them, so that is
    // an in-sample figure: cross-validated by site it is 0.909 (npm run train:title), against the cascade's 0.914 here and 0.34-0.50 on unseen calls.
    // Round 9 start: the 46 round-8 held-out calls (measured once: title 0.76 learned, 0.70 cascade) joined the tuning split and the chooser
    // was retrained on all 278 (in-sample 0.932, cross-validated 0.896); the other fields are the round-7 rules' on 278 calls.
    // Round 9: the venue is chosen by a learned chooser (data/venue-model.json, npm run train:venue), 0.892 here in-sample (0.863 cross-validated
    // by site, the rules 0.856); editors 0.950 / 0.996 and deadline 0.953 with round 9's rules (npm run eval:cfp -- --failures none).
    // After round 9: the 42 round-9 held-out calls (measured once: 0.67 / 0.67 / 0.93 / 0.80 / 0.66 / 0.98) joined the tuning split; with the
    // choosers trained on the first 278 (retrained weights broke bundled-CFP tests, not kept): 0.897 / 0.863 / 0.950 / 0.957 / 0.916 / 0.994.
    // Round 10: the 52 round-10 held-out calls (measured once: 0.67 / 0.67 / 0.81 / 0.71 / 0.68 / 0.93) joined the tuning split, and both
    // choosers were retrained on all 372 with the anchors (eval/cfp/anchors.json): 0.906 / 0.858 / 0.938 / 0.938 / 0.900 / 0.988.
    // Round 11: the 44 round-11 held-out calls (measured once: 0.70 / 0.61 / 0.86 / 0.84 / 0.52 / 0.90) joined too, the choosers retrained
    // on all 416: 0.887 / 0.832 / 0.930 / 0.940 / 0.870 / 0.980; after the review's editor-label mend and title retrain: 0.889 / 0.832 /
    // 0.930 / 0.940 / 0.874 / 0.980.
    // Round 12: the 39 round-12 held-out calls (measured once: 0.72 / 0.72 / 0.92 / 0.75 / 0.66 / 0.86) joined too, the choosers retrained
    // on all 455: 0.877 / 0.837 / 0.930 / 0.946 / 0.875 / 0.973 (the new calls are harder than the tuning split's average).
    // Round 13: the 30 round-13 held-out calls (measured once: 0.90 / 0.83 / 0.97 / 0.67 / 0.63 / 0.96) joined too, the choosers retrained
    // on all 485: 0.889 / 0.841 / 0.932 / 0.939 / 0.865 / 0.975.
    // Rounds 14 and 15 (session 9): 31 and 29 calls (measured once: 0.55 / 0.71 / 0.97 / 0.85 / 0.63 / 0.94 and 0.90 / 0.76 / 0.90 /
    // 0.71 / 0.60 / 0.86) joined too, the choosers retrained on all 545: 0.872 / 0.837 / 0.932 / 0.936 / 0.868 / 0.973.
    // Round 16 (session 10): 30 calls (measured once: 0.67 / 0.63 / 0.87 / 0.60 / 0.66 / 0.96 with the rules' editors, editors 0.74 / 0.96
    // with the learned editor chooser) joined too, the choosers retrained on all 575 and the learned editor chooser made the default:
    // 0.864 / 0.826 / 0.929 / 0.923 / 0.901 / 0.964 (after the review's exact refit; 0.898 / 0.964 before). Floors: title 0.86 -> 0.85, venue 0.83 -> 0.82, topic F1 0.93 -> 0.91 (the harder calls), editors 0.86 / 0.97 -> 0.89 / 0.95 (the chooser).
    // Round 17 (session 11): 30 calls (measured once: 0.60 / 0.67 / 0.97 / 0.78 / 0.62 / 0.84) joined too; the trainers now train on the
    // tuning split only, the title candidates read a bracket, "X in the Journal" and "Supplement on X", and the choosers were retrained on
    // all 605: 0.861 / 0.818 / 0.931 / 0.920 / 0.888 / 0.959. Floors: venue 0.82 -> 0.81, editor recall 0.89 -> 0.88 (the harder calls).
    // Round 18 (session 11): 30 calls (measured once: 0.60 / 0.60 / 0.87 / 0.56 / 0.65 / 0.96 before the session's changes; 0.60 / 0.63 /
    // 0.87 / 0.65 / 0.65 / 1.00 after: boosted-tree venue chooser, learned topic chooser) joined too, the four choosers retrained on all
    // 635: 0.846 / 0.841 / 0.928 / 0.905 (0.906 after the review's sentence-splitter fix) / 0.879 / 0.959. Floors: title 0.85 -> 0.84, topic F1 0.91 -> 0.90, editor recall 0.88 -> 0.87.
    // Rounds 19 and 20 (session 12): 30 calls each (measured once: 0.77 / 0.80 / 0.93 / 0.80 / 0.93 / 0.93 and, with this session's parser,
    // 0.67 / 0.60 / 0.90 / 0.58 / 0.67 / 0.92) joined too, the four choosers retrained on all 695: 0.836 / 0.839 / 0.928 / 0.895 / 0.877 /
    // 0.956; the topic chooser's threshold 0.15 -> 0.3 then: topic F1 0.902. Floors: title 0.84 -> 0.83, topic F1 0.90 -> 0.89 (the harder calls).
    // Round 21 (session 13): 30 calls (measured once: 0.87 / 0.70 / 0.77 / 0.55 / 0.75 / 0.94, with and without the journal list) joined
    // too, after the session's deadline, editor and topic rules; the four choosers retrained on all 725 (the venue trees with the journal
    // list, data/journal-names, and a "theme of the issue" feature): 0.836 / 0.872 / 0.932 / 0.895 / 0.883 / 0.949. Floors: venue 0.81 -> 0.86 (the list), editor precision
    // 0.95 -> 0.94 (round 21's calls: a 15-name line with affiliations in parentheses gives one affiliation as a person).
    // Round 22 (session 13): 30 calls (measured once: 0.70 / 0.73 / 0.77 / 0.79 / 0.56 / 0.90 with the session-start parser, 0.70 / 0.67 /
    // 0.80 / 0.79 / 0.56 / 0.90 with the session's parser) joined too, after the session's editor rules; the four choosers retrained on all
    // 755: 0.833 / 0.868 / 0.927 / 0.893 / 0.889 / 0.952; with the editor chooser's two aside features 0.893 / 0.957. Floors unchanged.
    // Round 23 (session 14): 30 calls (measured once with the session-start parser: 0.80 / 0.57 / 0.73 / 0.86 / 0.72 / 0.94) joined too, after
    // the session's deadline, venue-candidate, title and editor rules; the four choosers retrained on all 785: 0.839 / 0.870 / 0.929 / 0.891 /
    // 0.894 / 0.959. Floors: editors 0.87 / 0.94 -> 0.88 / 0.95.
    // Round 24 (session 14): 30 calls (measured once with the session's parser after round 23: 0.63 / 0.80 / 0.83 / 0.63 / 0.79 / 0.98)
    // joined too, after the session's round-24 rules; the four choosers retrained on all 815 (a title anchor added for a "Theme:" sentence):
    // 0.838 / 0.876 / 0.935 / 0.889 / 0.894 / 0.959. Floors: venue 0.86 -> 0.87, topic F1 0.89 -> 0.88 (0.8889: the harder calls).
    // Round 25 (session 15): 60 calls from four blind labellers (measured once with the session-start parser: 0.58 / 0.72 / 0.80 / 0.63 /
    // 0.64 / 0.90) joined too, after the session's round-25 rules; the four choosers retrained on all 875: 0.838 / 0.867 / 0.943 / 0.894 /
    // 0.899 / 0.965. Floors: venue 0.87 -> 0.86 (0.8674: round 25's venues are the hardest yet, 0.80 with the trees trained without them),
    // deadline 0.92 -> 0.93.
    // Rounds 26 and 27 (sessions 16-18): 30 calls each (measured once: round 26 with the session-start parser 0.57 / 0.80 / 0.97 / 0.48 /
    // 0.57 / 0.71, round 27 with session 17's end parser 0.60 / 0.53 / 0.87 / 0.72 / 0.61 / 0.69) joined too, after their rules; the four
    // choosers retrained on all 935: 0.846 / 0.874 / 0.948 / 0.892 / 0.904 / 0.963. Floors unchanged.
    // Round 28 (session 18): 26 calls (measured once with the session-start parser: 0.77 / 0.65 / 0.88 / 0.64 / 0.39 / 0.79) joined too,
    // after its rules; the four choosers retrained on all 961: 0.847 / 0.865 / 0.948 / 0.889 / 0.905 / 0.960. Floors unchanged.
    // The held-out split is measured, not a regression floor: it may be empty (while a new set is labelled) or hold
    // calls the rules have never seen (even one the parser refuses), so it is only counted here.
    expect(tune.title).toBeGreaterThanOrEqual(0.83);
    expect(tune.venue).toBeGreaterThanOrEqual(0.86);
    expect(tune.deadline).toBeGreaterThanOrEqual(0.93);
    expect(tune.topics.f1).toBeGreaterThanOrEqual(0.88);
    expect(tune.editors.recall).toBeGreaterThanOrEqual(0.88);
    expect(tune.editors.precision).toBeGreaterThanOrEqual(0.95);
    expect(heldout.cases).toBe(scores.filter((s) => s.split === 'heldout').length);
  });
});

describe('CFP eval splits', () => {
  it('scores held-out calls added later apart from the tuning calls', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cfp-split-'));
    try {
      for (const [id, split] of [['elsevier-ins-big-data-privacy', 'tune'], ['acm-tsas-deep-learning-spatial', 'heldout']] as const) {
        const truth = JSON.parse(await readFile(join(CASES, `${id}.truth.json`), 'utf8')) as CfpTruth;
        await writeFile(join(dir, `${id}.truth.json`), JSON.stringify({ ...truth, split }));
        await copyFile(join(CASES, `${id}.txt`), join(dir, `${id}.txt`));
      }
      const { tune, heldout, all } = await runCfpEval(dir);
      expect([tune.cases, heldout.cases, all.cases]).toEqual([1, 1, 2]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('CFP scoring', () => {
  const truth: CfpTruth = {
    id: 'x', split: 'tune', format: 'text', field: 'f', publisher: 'p', title: 'Soil Health', venue: null, deadline: '2026-05-31',
    topics: ['Soil carbon', 'Erosion control'], guest_editors: ['Jane Smith', 'Kwame Osei'], provenance: { source: 's', url: 'u', note: '' },
  };
  const call = (over: Record<string, unknown>) => ({
    id: 'x', title: 'Soil health', scope: '', topics: [], dates: {}, guest_editors: [], rules: {}, warnings: [], ...over,
  });

  it('normalises case, accents, quotes, honorifics and middle initials', () => {
    expect(norm('Dell’Olio – Café')).toBe(norm("dell'olio cafe"));
    expect(normName('Prof. Dr. J. Leon Zhao')).toBe(normName('Leon Zhao'));
    expect(normName('Ruiyun “Rayna” Xu')).toBe('ruiyun xu');
    expect(sameTopic('Soil organic carbon', 'soil organic carbon.')).toBe(true);
    expect(sameTopic('Soil carbon', 'Ocean carbon')).toBe(false);
  });

  it('counts an empty truth as right only when the parser leaves the field empty, and scores lists one-to-one', () => {
    const s = scoreCase(truth, call({ venue: 'Invented', topics: ['Soil carbon', 'Soil carbon', 'Other'], dates: { submission_deadline: '2026-05-31' }, guest_editors: [{ name: 'Dr Jane Smith' }] }));
    expect(s.title).toBe(true);
    expect(s.venue).toBe(false);
    expect(s.deadline).toBe(true);
    expect(s.topics).toEqual({ found: 3, truth: 2, matched: 1 });
    expect(s.editors).toEqual({ found: 1, truth: 2, matched: 1 });
    const t = summarise([s]);
    expect(t.topics.precision).toBeCloseTo(1 / 3);
    expect(t.editors.recall).toBe(0.5);
  });

  it('an empty split summarises to zero calls without failing', () => {
    expect(summarise([]).cases).toBe(0);
  });

  it('a refused input scores nothing found', () => {
    const s = scoreCase(truth, { error: 'BAD_CFP' });
    expect(s.title).toBe(false);
    expect(s.failures[0]).toMatch(/^refused/);
  });
});
