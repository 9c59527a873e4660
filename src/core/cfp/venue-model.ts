/**
 * The learned venue chooser's model: boosted regression trees over the
 * candidates' features (tree-model.ts), trained on the labelled calls by
 * `npm run train:venue` (src/eval/cfp/train-venue.ts), shipped in
 * data/venue-model.json and imported, so the parser reads no file on any
 * runtime. (`npm run train:venue -- --learner linear --no-write` measures
 * the linear ranker the trees replaced; the parser reads trees only.)
 */
import shipped from '../../../data/venue-model.json' with { type: 'json' };
import type { TreeModel } from './tree-model.js';

export type VenueModel = TreeModel;

/** The shipped model, as `npm run train:venue` wrote it. */
export const SHIPPED_VENUE_MODEL: VenueModel = shipped as unknown as VenueModel;
