/**
 * The CFP parser's public surface.
 *
 * @example
 * import { parseCfp, mergeCurated } from './core/cfp/index.js';
 */
export { parseCfp, type ParseCfpOptions } from './parse.js';
export { mergeCurated } from './load-bundled.js';
export { parseDate, findDates } from './dates.js';
export { slugify } from './slug.js';
export { MAX_CFP_CHARS } from './guard.js';
