/**
 * The call's journal (venue), chosen either by the rules (venue.ts: the first
 * step that names one, or the name beside the title) or by the learned
 * chooser over every candidate (venue-candidates.ts, venue-features.ts),
 * which may also abstain: when no candidate scores above "no venue", the
 * venue stays empty rather than invented.
 */
import type { Line } from './lines.js';
import type { Link } from './markdown.js';
import { venueCandidates, type PageVenue, type VenueCandidate } from './venue-candidates.js';
import { abstainFeatures, listedKeys, VENUE_FEATURES, venueFeatures } from './venue-features.js';
import { SHIPPED_VENUE_MODEL, type VenueModel } from './venue-model.js';
import { chooseBestByTrees } from './tree-model.js';
import { escapeRegExp } from '../text/normalize.js';
import { JOURNAL_WORD_ABROAD } from './venue-name.js';

export type VenueChooser = 'learned' | 'rules';

/** One candidate as the trainer sees it: the venue the parser would report (undefined: abstain), and its features. */
export interface SeenVenueCandidate {
  venue?: string;
  sources: string[];
  features: number[];
}

export interface ChooseVenueInput {
  lines: readonly Line[];
  links: readonly Link[];
  plain: string;
  title?: string;
  /** The rules' answer and how they found it. */
  rule?: { venue: string; where: string };
  hinted?: string;
  tail?: string;
  page?: readonly PageVenue[];
  chooser: VenueChooser;
  model?: VenueModel;
  onCandidates?: (seen: SeenVenueCandidate[]) => void;
}

/** "Revue Bellica", "Rivista Studiolo": the word for a journal before a one-word name. */
const REVUE_ONE_WORD = new RegExp(String.raw`^(?:${JOURNAL_WORD_ABROAD})\s+(\p{Lu}[\p{L}'’-]+)$`, 'u');

/**
 * The name as the parser reports it: a journal's acronym after its name ("Journal of Teacher Education (JTE)") is
 * not the name, and neither is the word "Revue" before a one-word name the text also uses alone ("la revue Bellica
 * ... Bellica publiera"); a longer name keeps it ("Revue Migrations Forcées").
 *
 * @example
 * reportedVenue('Revue Bellica', 'Ce numéro de la revue Bellica ... Bellica publiera') // 'Bellica'
 */
export function reportedVenue(name: string, plain = ''): string {
  const one = REVUE_ONE_WORD.exec(name)?.[1];
  if (one && new RegExp(`(?<!(?:${JOURNAL_WORD_ABROAD})\\s+)(?<![\\p{L}])${escapeRegExp(one)}(?![\\p{L}])`, 'u').test(plain)) return one;
  return name.replace(/(\S\s+\S.*?)\s*\([A-Z][A-Za-z&-]{1,11}\)$/, '$1');
}

/**
 * @example
 * chooseVenue({ lines, links: [], plain: 'A special issue of Religions ...', chooser: 'learned' }).venue // 'Religions'
 */
export function chooseVenue(input: ChooseVenueInput): { venue?: string; where: string } {
  const ruled = input.rule ? { venue: reportedVenue(input.rule.venue, input.plain), where: input.rule.where } : input.tail ? { venue: input.tail, where: 'named after the title' } : { where: 'none' };
  if (input.chooser === 'rules' && !input.onCandidates) return ruled;
  const all: VenueCandidate[] = venueCandidates({
    lines: input.lines, links: input.links, plain: input.plain,
    ...(input.rule ? { rule: input.rule.venue } : {}), ...(input.hinted ? { hinted: input.hinted } : {}), ...(input.tail ? { tail: input.tail } : {}), ...(input.page ? { page: input.page } : {}),
  });
  const ctx = { plain: input.plain, links: input.links, all, listed: listedKeys(all), ...(input.title ? { title: input.title } : {}) };
  const seen: SeenVenueCandidate[] = [
    { sources: ['abstain'], features: abstainFeatures(all, input.rule?.venue) },
    ...all.map((c) => ({ venue: reportedVenue(c.text, input.plain), sources: c.sources, features: venueFeatures(c, ctx) })),
  ];
  input.onCandidates?.(seen);
  if (input.chooser === 'rules') return ruled;
  const best = seen[chooseBestByTrees(seen.map((s) => s.features), input.model ?? SHIPPED_VENUE_MODEL, VENUE_FEATURES)];
  if (!best?.venue) return { where: 'none' };
  return { venue: best.venue, where: best.sources.includes('rule') ? input.rule?.where ?? 'named in the text' : `chosen among the names the call gives (${best.sources[0] ?? 'text'})` };
}
