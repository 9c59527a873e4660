/**
 * Rule-based CFP parser: raw CFP text (markdown-ish or plain) to a `Call`.
 * Each part lives in its own file; this one puts them together.
 */
import { NO_DEADLINE, NO_VENUE } from './missing.js';
import { Call } from '../schema.js';
import { createError, isCfpError } from '../errors.js';
import { splitSentences } from '../text/normalize.js';
import { assertCfpText } from './guard.js';
import { toLines, type Line } from './lines.js';
import { sectionsOf } from './sections.js';
import { checkDateOrder, collectDates } from './schedule.js';
import { parseEditors } from './editors.js';
import { bulletRuns, introOf } from './lists.js';
import { inlineTopics, keywordTopics } from './inline-lists.js';
import { withoutFrontMatter } from './front-matter.js';
import { withoutInlineHtml } from './inline-html.js';
import { unmarkedRuns } from './unmarked-lists.js';
import { findTopics, REQUIREMENT_INTRO, withoutCutEnd } from './topics.js';
import { findTitle, cleanTitle } from './title.js';
import { chooseTitle, type SeenTitleCandidate, type TitleChooser } from './title-choice.js';
import type { PageTitle } from './title-candidates.js';
import type { TitleModel } from './title-model.js';
import { isFurnitureTitle } from './title-sanity.js';
import { paragraphs, scopeParagraphs } from './scope.js';
import { findUrls } from './links.js';
import { inferVenue } from './venue.js';
import { chooseVenue, type SeenVenueCandidate, type VenueChooser } from './venue-choice.js';
import type { PageVenue } from './venue-candidates.js';
import type { VenueModel } from './venue-model.js';
import { parseRules } from './rules.js';
import type { EditorCandidate } from './editor-candidates.js';
import { guestEditors, type EditorChooser, type EditorModel } from './editor-model.js';
import { callTopics, type TopicChooser, type TopicModel } from './topic-model.js';
import type { TopicCandidate } from './topic-candidates.js';
import { slugify } from './slug.js';
import { compactSources, textSource } from './sources.js';
import { fieldIssues } from '../validate.js';
import { fitToLimits } from './limits.js';

export interface ParseCfpOptions {
  /** The call id; default: a slug of the title. */
  id?: string;
  /** Today as `YYYY-MM-DD`; used only to give a year to dates written without one. */
  now?: string;
  /** How the title is chosen: the learned chooser over every candidate, or the cascade of rules (default: {@link DEFAULT_TITLE_CHOOSER}). */
  titleChooser?: TitleChooser;
  /** Weights for the learned chooser (default: the shipped data/title-model.json). */
  titleModel?: TitleModel;
  /** Title candidates from a web page's markup (parseCfpHtml passes them). */
  pageTitles?: readonly PageTitle[];
  /** Sees every title candidate with its features before one is chosen (the trainer, src/eval/cfp/train-title.ts). */
  onTitleCandidates?: (seen: SeenTitleCandidate[]) => void;
  /** How the venue is chosen: the learned chooser over every name the call gives (it may abstain), or the rules (default: {@link DEFAULT_VENUE_CHOOSER}). */
  venueChooser?: VenueChooser;
  /** The learned venue chooser's trees (default: the shipped data/venue-model.json). */
  venueModel?: VenueModel;
  /** Venue candidates from a web page's markup (parseCfpHtml passes them). */
  pageVenues?: readonly PageVenue[];
  /** Sees every venue candidate with its features before one is chosen (the trainer, src/eval/cfp/train-venue.ts). */
  onVenueCandidates?: (seen: SeenVenueCandidate[]) => void;
  /** How the guest editors are chosen: the learned chooser over every name the call writes, or the rules alone (default: {@link DEFAULT_EDITOR_CHOOSER}). */
  editorChooser?: EditorChooser;
  /** Weights for the learned editor chooser (default: the shipped data/editor-model.json). */
  editorModel?: EditorModel;
  /** Sees every guest-editor candidate with its features (the trainer, src/eval/cfp/train-editors.ts). */
  onEditorCandidates?: (seen: EditorCandidate[]) => void;
  /** How the topics are chosen: the learned chooser over every list the call writes, or the rules alone (default: {@link DEFAULT_TOPIC_CHOOSER}). */
  topicChooser?: TopicChooser;
  /** Weights for the learned topic chooser (default: the shipped data/topic-model.json). */
  topicModel?: TopicModel;
  /** Sees every candidate topic list with its features (the trainer, src/eval/cfp/train-topics.ts). */
  onTopicCandidates?: (seen: TopicCandidate[]) => void;
}

export type { TopicChooser } from './topic-model.js';

/** The topic chooser the parser uses unless told otherwise. */
export const DEFAULT_TOPIC_CHOOSER: TopicChooser = 'learned';

export type { EditorChooser } from './editor-model.js';

/** The editor chooser the parser uses unless told otherwise. */
export const DEFAULT_EDITOR_CHOOSER: EditorChooser = 'learned';

/** The venue chooser the parser uses unless told otherwise. */
export const DEFAULT_VENUE_CHOOSER: VenueChooser = 'learned';

/** The title chooser the parser uses unless told otherwise. */
export const DEFAULT_TITLE_CHOOSER: TitleChooser = 'learned';

/**
 * Parse CFP text into a validated `Call`. Throws only `CfpError`
 * (`BAD_CFP` for text that is empty, binary, or has neither a title nor a
 * scope; `TOO_LARGE` for absurdly long input).
 *
 * @example
 * const call = parseCfp('## IEEE IoT Journal Special Issue: Symbiotic IoT\n\nThis issue ...\n\nTopics include:\n- Edge AI\n');
 * call.title // 'Symbiotic IoT'
 * call.venue // 'IEEE Internet of Things Journal'
 * call.topics // ['Edge AI']
 */
export function parseCfp(text: string, opts: ParseCfpOptions = {}): Call {
  assertCfpText(text);
  try {
    return parseChecked(text, opts);
  } catch (err) {
    if (isCfpError(err)) throw err;
    throw createError('BAD_CFP', `could not parse the CFP text: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** Letters styled with Unicode's mathematical alphabets ("𝗖𝗮𝗹𝗹 𝗳𝗼𝗿 𝗣𝗮𝗽𝗲𝗿𝘀", as social posts fake bold) read as the plain letters they show. */
const plainLetters = (s: string) => s.replace(/[\u{1D400}-\u{1D7FF}]/gu, (c) => c.normalize('NFKC'));

/** Springer Nature pages name an image "New Content Item", and a copied page keeps the label run into the next words
 * ("New Content ItemJohn Kurien, PhD, started ..."): no part of the call. */
const withoutImageLabels = (s: string) => s.replace(/New Content Item(?:\s*\(\d+\))?(?=\p{Lu}|\s*$|\s*\n)/gmu, '');

/** A line longer than this is a paragraph (or a whole page run into one line), not a date's or an editor's line. */
const PROSE_LINE = 600;

function parseChecked(text: string, opts: ParseCfpOptions): Call {
  const lines = toLines(withoutFrontMatter(withoutInlineHtml(withoutImageLabels(plainLetters(text)))));
  const sections = sectionsOf(lines);
  const warnings: string[] = [];

  const { dates, entries } = collectDates(lines, opts.now);
  const dateLines = new Set(entries.map((e) => e.line));
  for (const e of entries) if (e.yearAssumed) warnings.push(`${e.field} ("${e.label}") has no year; assumed ${e.iso}`);
  warnings.push(...checkDateOrder(entries));

  const ruled = parseEditors(lines, sections, (l) => dateLines.has(l.index));
  // The rules' lines stay the ones kept out of the scope: the chooser decides who is an editor, not what is prose.
  const editorLines = ruled.used;
  const { editors, lines: editorSourceLines } = guestEditors(lines, sections, ruled, {
    chooser: opts.editorChooser ?? DEFAULT_EDITOR_CHOOSER, ...(opts.editorModel ? { model: opts.editorModel } : {}), ...(opts.onEditorCandidates ? { onCandidates: opts.onEditorCandidates } : {}),
  });
  const runs = [...bulletRuns(lines), ...unmarkedRuns(lines, sections).filter((r) => !r.items.some((i) => i.lines.some((n) => editorLines.has(n))))]
    .sort((a, b) => a.start - b.start);
  const listed = findTopics(runs, sections);
  const topicRuns = listed.runs;

  // Lines of an unmarked topic list are the list, not prose.
  const listLines = topicRuns.filter((r) => r.unmarked).flatMap((r) => r.items.flatMap((i) => i.lines));
  // A line of prose that names a date or an editor in passing is still prose: a call flattened to one long line
  // ("... Manuscripts are due by October 9. The guest editors are Prof. A and Prof. B.") keeps its title and scope.
  // And a call whose every line names a date or an editor keeps them all as prose, or nothing would be left to read.
  const byDatesOrEditors = new Set([...dateLines, ...editorLines].filter((n) => (lines[n]?.text.length ?? 0) <= PROSE_LINE));
  const listLineSet = new Set(listLines);
  const spared = lines.every((l) => l.kind === 'blank' || byDatesOrEditors.has(l.index) || listLineSet.has(l.index));
  const claimed = spared ? listLineSet : new Set([...byDatesOrEditors, ...listLineSet]);
  const allParas = paragraphs(lines, sections, claimed);
  const prose = allParas.map((p) => p.text).join('\n\n');
  // With no list, topics written inline in a paragraph ("Topic Areas: A; B; C.").
  // Lines that also named editors or dates are read too: a page run into one paragraph holds all three.
  const listedOrInline = listed.topics.length > 0 ? listed.topics : inlineTopics(paragraphs(lines, sections, new Set()).filter((p) => p.section === 'scope' || p.section === 'topics').map((p) => p.text));
  // The last resort, as calls' own keywords stand in for a list: a "Keywords:" line.
  const ruledTopics = listedOrInline.length > 0 ? listedOrInline : keywordTopics(lines.map((l) => l.text));
  const chosenTopics = callTopics(lines, sections, runs, ruledTopics, {
    claimed: new Set([...dateLines, ...editorLines]),
    chooser: opts.topicChooser ?? DEFAULT_TOPIC_CHOOSER, ...(opts.topicModel ? { model: opts.topicModel } : {}), ...(opts.onTopicCandidates ? { onCandidates: opts.onTopicCandidates } : {}),
  });
  // A last topic the text ends inside ("... analysis and evaluat") is a fragment, not a topic.
  const topics = withoutCutEnd(chosenTopics.topics, lines);
  const links = lines.flatMap((l) => l.links);
  // Link labels, not markdown, are what the prose says ("a special issue of the [Philosophy and Technology](...) journal").
  const plain = lines.map((l) => l.text).join('\n');
  // The journal the text names, so a title that is only that journal and announcement words is not taken.
  const named = inferVenue(undefined, links, plain).venue;
  const found = findTitle(lines, prose, named ? [named] : []);
  // The venue comes from the cascade's title line and the text whichever title is chosen: the venue readers were measured with it.
  const inferred = inferVenue(found.venue, links, plain);
  const { publisher } = inferred;
  // The title's paragraph is left out of the scope, unless nothing else is left and it is prose that goes on past the
  // title (a call run into one line).
  const scopeOf = (titleLines: readonly number[]) => {
    const scope = scopeParagraphs(allParas.filter((p) => !titleLines.includes(p.start)), topicRuns[0]?.start);
    return scope.length > 0 ? scope : scopeParagraphs(allParas.filter((p) => !titleLines.includes(p.start) || p.text.length > PROSE_LINE / 2), topicRuns[0]?.start);
  };
  const cascadeScope = scopeOf(found.lines).map((p) => p.text).join('\n\n');
  // The last resort: the first sentence of the scope that is not page furniture ("Call for papers: Special Issue of the X Journal").
  const starts = splitSentences(cascadeScope).map((x) => cleanTitle(x.split(/\s+/).slice(0, 12).join(' ')));
  const scopeStart = cascadeScope ? (starts.find((x) => x && !isFurnitureTitle(x)) ?? starts[0] ?? cleanTitle(cascadeScope.split(/\s+/).slice(0, 12).join(' '))) : undefined;
  // "X (Journal)", "X - Journal": the journal after the title is the venue (chooseTitle drops it from the title).
  const chosen = chooseTitle({
    lines, prose, scope: cascadeScope, plain, found, editors: ruled.editors.map((e) => e.name), editorLines, venues: [...(named ? [named] : []), ...(inferred.venue ? [inferred.venue] : [])],
    ...(inferred.venue ? { venue: inferred.venue } : {}), ...(scopeStart ? { scopeStart } : {}), ...(opts.pageTitles ? { page: opts.pageTitles } : {}),
    chooser: opts.titleChooser ?? DEFAULT_TITLE_CHOOSER, ...(opts.titleModel ? { model: opts.titleModel } : {}), ...(opts.onTitleCandidates ? { onCandidates: opts.onTitleCandidates } : {}),
  });
  const paras = allParas.filter((p) => !chosen.lines.includes(p.start));
  const scopeParas = scopeOf(chosen.lines);
  const scope = scopeParas.map((p) => p.text).join('\n\n');

  const title = chosen.title;
  if (chosen.kind === 'synthesised') warnings.push('no title found in the text; this one is synthesised from the aims sentence');
  if (chosen.kind === 'scope-start') warnings.push('no title found in the text; this one is the start of the scope');
  if (!title) {
    throw createError('BAD_CFP', 'CFP text has no recognisable title and no scope paragraph; is this a call for papers?');
  }
  if (topics.length === 0) warnings.push('no topic list found');
  if (!dates.submission_deadline) warnings.push(NO_DEADLINE);

  const { venue, where: venueWhere } = chooseVenue({
    lines, links, plain, title, ...(inferred.venue ? { rule: { venue: inferred.venue, where: inferred.where } } : {}),
    ...(found.venue ? { hinted: found.venue } : {}), ...(chosen.tailVenue ? { tail: chosen.tailVenue } : {}), ...(opts.pageVenues ? { page: opts.pageVenues } : {}),
    chooser: opts.venueChooser ?? DEFAULT_VENUE_CHOOSER, ...(opts.venueModel ? { model: opts.venueModel } : {}), ...(opts.onVenueCandidates ? { onCandidates: opts.onVenueCandidates } : {}),
  });
  // Never invented: with no credible name the venue stays empty, and says so.
  if (!venue) warnings.push(NO_VENUE);
  const requirementItems = runs
    .filter((r) => !topicRuns.includes(r) && (REQUIREMENT_INTRO.test(introOf(r)) || sections[r.start] === 'submission'))
    .flatMap((r) => r.items.flatMap((i) => [i.text, ...i.subs]));
  const sentences = paras.filter((p) => !scopeParas.includes(p)).flatMap((p) => splitSentences(p.text));

  const deadlineEntry = entries.find((e) => e.field === 'submission_deadline');
  const titleNote = chosen.kind === 'field' ? '"Title:" line' : chosen.kind === 'heading' ? 'heading' : undefined;
  const field_sources = compactSources({
    title: chosen.page
      ? chosen.page
      : chosen.kind === 'field' || chosen.kind === 'heading'
        ? textSource(chosen.lines, titleNote)
        : { from: 'text-line', where: chosen.kind === 'synthesised' ? 'synthesised from the aims sentence' : chosen.kind === 'scope-start' ? 'start of the scope' : 'quoted in the prose' },
    venue: venue ? { from: 'text-line', where: venueWhere } : undefined,
    topics: textSource(chosenTopics.lines ?? topicRuns.flatMap((r) => [r.start, r.end])),
    'dates.submission_deadline': deadlineEntry ? textSource([deadlineEntry.line], deadlineNote(deadlineEntry, lines)) : undefined,
    guest_editors: textSource(editorSourceLines),
  });

  // A field a rule over-read (a paragraph as one topic) is cut or dropped with a warning: a real call is never refused for it.
  const candidate = fitToLimits({
    id: opts.id ?? slugify(title),
    title,
    ...(venue ? { venue } : {}),
    ...(found.fields['publisher'] ? { publisher: found.fields['publisher'] } : publisher ? { publisher } : {}),
    scope,
    topics,
    dates,
    guest_editors: editors,
    ...findUrls(links),
    rules: parseRules(text, requirementItems, sentences),
    warnings,
    field_sources,
    source_text: text,
  });
  const parsed = Call.safeParse(candidate);
  if (!parsed.success) {
    throw createError('BAD_CFP', 'the parsed CFP is not a valid call', {
      fields: fieldIssues(parsed.error),
    });
  }
  return parsed.data;
}

/**
 * What the deadline's source says: its label ("Submission deadline"), or the whole line when the label runs into the date as
 * a sentence does ("Submissions close on April 30, 2022."), where the label alone would end mid-sentence.
 */
function deadlineNote(entry: { label: string; line: number }, lines: readonly Line[]): string {
  const text = lines[entry.line]?.text.trim() ?? '';
  const rest = text.startsWith(entry.label) ? text.slice(entry.label.length) : '';
  return /^\s+[\p{L}\d]/u.test(rest) && text.length <= 160 ? text : entry.label;
}
