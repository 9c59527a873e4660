/**
 * The CFP parser's public surface.
 *
 * @example
 * import { parseCfp, parseCfpHtml, decodeHtml } from './core/cfp/index.js';
 */
export { parseCfp, DEFAULT_TITLE_CHOOSER, DEFAULT_VENUE_CHOOSER, type ParseCfpOptions } from './parse.js';
export { TITLE_FEATURES } from './title-features.js';
export type { TitleModel } from './title-model.js';
export type { SeenTitleCandidate, TitleChooser } from './title-choice.js';
export { VENUE_FEATURES } from './venue-features.js';
export type { VenueModel } from './venue-model.js';
export type { SeenVenueCandidate, VenueChooser } from './venue-choice.js';
export { parseCfpHtml, type ParseHtmlOptions } from './html/parse-html.js';
export { decodeHtml, decodeText } from './html/decode.js';
export { MAX_HTML_CHARS } from './html/guard.js';
export { mergeCurated } from './load-bundled.js';
export { parseDate, findDates } from './dates.js';
export { slugify } from './slug.js';
export { MAX_CFP_CHARS } from './guard.js';
