/**
 * The learned venue chooser's weights: trained on the labelled calls by
 * `npm run train:venue` (src/eval/cfp/train-venue.ts), shipped in
 * data/venue-model.json and imported, so the parser reads no file on any
 * runtime. Same shape as the title chooser's model (title-model.ts).
 */
import shipped from '../../../data/venue-model.json' with { type: 'json' };
import type { TitleModel } from './title-model.js';

export type VenueModel = TitleModel;

/** The shipped weights, as `npm run train:venue` wrote them. */
export const SHIPPED_VENUE_MODEL: VenueModel = { features: shipped.features, weights: shipped.weights };
