/**
 * The call's title, chosen either by the cascade of rules (title.ts: the
 * first way that names an issue) or by the learned chooser over every
 * candidate (title-candidates.ts, title-features.ts, title-model.ts). Both
 * give the title as the parser reports it: the journal after it dropped, the
 * lines that held it, and how it was found.
 */
import type { FieldSource } from '../schema.js';
import type { Line } from './lines.js';
import type { TitleResult, TriedWay } from './title.js';
import { titleCandidates, type PageTitle, type TitleCandidate } from './title-candidates.js';
import { titleFeatures } from './title-features.js';
import { furnitureCuts } from './title-sides.js';
import { alignWeights, chooseBest, SHIPPED_TITLE_MODEL, type TitleModel } from './title-model.js';
import { withoutVenueTail } from './title-venue.js';
import { finishTitle } from './title-parts.js';
import { isFurnitureTitle } from './title-sanity.js';

export type TitleChooser = 'learned' | 'cascade';

/** One candidate as the trainer sees it: the title the parser would report, and its features. */
export interface SeenTitleCandidate {
  candidate: TitleCandidate;
  title: string;
  features: number[];
}

export interface ChosenTitle {
  title?: string;
  /** A venue found after the title ("X - Soil Letters"), for a call with no other venue. */
  tailVenue?: string;
  kind: TitleResult['source'] | 'page' | 'scope-start';
  lines: number[];
  page?: FieldSource;
}

export interface ChooseTitleInput {
  lines: readonly Line[];
  prose: string;
  scope: string;
  plain: string;
  /** The cascade's answer and every way it tried. */
  found: TitleResult & { tried: readonly TriedWay[] };
  /** The venue the call names (it is dropped from the end of a title). */
  venue?: string;
  venues: readonly string[];
  /** The guest editors found, and their lines: a person's line is no title. */
  editors?: readonly string[];
  editorLines?: ReadonlySet<number>;
  /** The first words of the scope, the last resort when nothing else names the issue. */
  scopeStart?: string;
  page?: readonly PageTitle[];
  chooser: TitleChooser;
  model?: TitleModel;
  onCandidates?: (seen: SeenTitleCandidate[]) => void;
}

/**
 * @example
 * chooseTitle({ ...input, chooser: 'learned' }).title // 'Soil Carbon Markets'
 */
export function chooseTitle(input: ChooseTitleInput): ChosenTitle {
  const tail = (t: string) => {
    const r = withoutVenueTail(t, input.venue, input.plain);
    return { ...r, title: finishTitle(r.title) };
  };
  if (input.chooser === 'cascade' && !input.onCandidates) {
    const t = input.found.title ?? input.scopeStart;
    if (!t) return { kind: 'none', lines: [] };
    const tailed = tail(t);
    return { title: tailed.title, ...(tailed.venue ? { tailVenue: tailed.venue } : {}), kind: input.found.title ? input.found.source : 'scope-start', lines: input.found.lines };
  }
  const candidates = titleCandidates({
    lines: input.lines, prose: input.prose, tried: input.found.tried, plain: input.plain,
    ...(input.venue ? { venue: input.venue } : {}), ...(input.page ? { page: input.page } : {}), ...(input.scopeStart ? { scopeStart: input.scopeStart } : {}),
  });
  const ctx = { lines: input.lines, scope: input.scope || input.prose, venues: input.venues, cuts: furnitureCuts(candidates.map((c) => c.text), input.venues), ...(input.editors ? { editors: input.editors } : {}), ...(input.editorLines ? { editorLines: input.editorLines } : {}) };
  // A candidate that is only furniture once the journal after it is dropped ("Call for Submissions: <Journal>") names no issue.
  const seen = candidates.map((c) => ({ candidate: c, title: tail(c.text).title, features: titleFeatures(c, ctx) })).filter((s) => s.candidate.kind === 'scope-start' || !isFurnitureTitle(s.title));
  input.onCandidates?.(seen);
  if (input.chooser === 'cascade') return chooseTitle({ ...input, onCandidates: undefined });
  const best = seen[chooseBest(seen.map((s) => s.features), alignWeights(input.model ?? SHIPPED_TITLE_MODEL))];
  if (!best) return { kind: 'none', lines: [] };
  const tailed = tail(best.candidate.text);
  const c = best.candidate;
  return { title: tailed.title, ...(tailed.venue ? { tailVenue: tailed.venue } : {}), kind: c.kind, lines: c.lines, ...(c.page ? { page: c.page } : {}) };
}
