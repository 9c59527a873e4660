/**
 * Every plausible journal (venue) of a call, for the learned venue chooser:
 * each rule step's answer (venue.ts), every name the sentence patterns read
 * (not only the first), names in the contexts calls put their journal in
 * ("X Special Issue", "published in X", "the journal, X,", "X (ISSN"),
 * title-case phrases with a journal's word (Journal, Review, Studies, ...),
 * names introduced with their acronym and the acronym itself, journal-like
 * lines near the top, names a journal list holds (journal-names.ts), and a
 * page's own venue markup. A name found by several
 * sources is one candidate that remembers them all.
 */
import type { Line } from './lines.js';
import type { Link } from './markdown.js';
import { cleanVenue, namesNoJournal } from './venue-name.js';
import { canonicalVenue, venueMentions, venueSteps } from './venue.js';
import { journalLine } from './venue-lines.js';
import { widenings } from './venue-widen.js';
import { listedJournals } from './journal-names.js';

/** A venue from a web page's markup (`citation_journal_title`, `og:site_name`, a publisher reader, the page header). */
export interface PageVenue {
  text: string;
  /** Which part of the page: `page-reader`, `page-meta`, `page-site`, `page-title`, `page-description`, `page-header`. */
  source: string;
}

export interface VenueCandidate {
  text: string;
  /** Every source that produced this name (`rule`, `step:slug`, `mention:issue-of`, `ctx:published-in`, `journal-word`, `top-line`, ...). */
  sources: string[];
  /** A longer spelling of other candidates the text gives (venue-widen.ts): the sources they had, and what was added. */
  widened?: { from: string[]; added: string };
  /** How many longer spellings of this name the text gives. */
  wider?: number;
}

export interface VenueCandidateInput {
  lines: readonly Line[];
  links: readonly Link[];
  /** The text as the rules read it (lines joined, link labels kept). */
  plain: string;
  /** The rule path's answer (the old parser's venue), if any. */
  rule?: string;
  /** The venue named beside the cascade's title line, and the one after the chosen title. */
  hinted?: string;
  tail?: string;
  page?: readonly PageVenue[];
}

const WORD = "(?:[\\p{Lu}][\\p{L}\\p{N}&’'-]*|\\p{Ll}{1,12}-?\\p{Lu}[\\p{L}-]*)";
const NAME = `${WORD}(?: (?:of|and|on|for|in|the|&|de|du|des|la|d['’]|${WORD})){0,10}`;
/** Words that end a journal's name after "la revue" ("a revista": "A Revista GEMInIS está com chamada aberta"): its verb, a relative or a preposition ("la revue X lance", "... pour"), and a German
 * verb's separated particle ("Laden Sie Ihre Beiträge auf die Homepage der Zeitschrift hoch"). */
const REVUE_STOP = '(?:lance|propose|publie|prépare|prepara|publiera|annonce|ouvre|sollicite|invite|est|está|estão|abre|lança|recebe|convida|torna|sera|será|sarà|wird|va|vient|accueille|souhaite|recherche|organise|organiza|organizza|dedica\\p{L}*|dedic\\p{L}+|pour|sur|consacr\\p{L}*|editada|publicada|pubblica|edited|qui|que|dont|a|de la|hoch|an|bei|ein|auf|vor|mit|ab|aus|nach|zu|zur|zum)';
/**
 * Sentences and lines that name the journal around its name, each a source of its own; a pattern that opens with a name is tried at
 * every capital of the text, so one with a rare phrase after the name has that phrase as its guard, read once on the whole text first.
 */
const CONTEXTS: ReadonlyArray<readonly [string, RegExp, RegExp?]> = [
  // "X Special Issue", and a journal's "X Collection: Y".
  ['ctx:before-issue', new RegExp(`(${NAME})[”"’,]*\\s+(?:(?:[Ss]pecial|[Tt]hemed?|[Tt]hematic|[Ff]ocus) (?:[Ii]ssue|[Ss]ection|[Cc]ollection)|(?<!(?:[Tt]opical|[Ss]pecial|[Aa]rticle|[Tt]hematic|[Rr]esearch|[Tt]opic|[Vv]irtual) )Collection(?=\\s*:))`, 'gu')],
  // "X Call for Papers", and a page's title "X - Call for Papers: Y".
  ['ctx:before-cfp', new RegExp(`(${NAME})[”"’,]*(?:\\s+|\\s+[-–—|]\\s+)(?:[Cc]all for [Pp]apers|CfP|CFP|[Gg]uest [Ee]ditors?)\\b`, 'gu')],
  ['ctx:issue-of', new RegExp(`\\b(?:[Ii]ssue|[Ss]ection|[Cc]ollection|[Vv]olume|[Ss]eries|[Ss]upplement)(?: (?:[Nn]o\\.? ?)?\\d{1,4}(?:\\s?[/.]\\s?\\d{1,4})?)? (?:of|in) (?:the )?(?:(?:open[- ]access |peer[- ]reviewed )?journal,? )?[“"‘]?(${NAME})`, 'gu')],
  ['ctx:published-in', new RegExp(`\\b(?:published|appear|submitted|publication) in (?:the )?(?:journal,? )?[“"‘]?(${NAME})`, 'gu')],
  ['ctx:the-journal', new RegExp(`\\b(?:[Tt]he|[Oo]ur|[Aa]n?) (?:[\\p{L}-]+ ){0,3}?journal,? [“"‘]?(${NAME})`, 'gu')],
  ['ctx:x-journal', new RegExp(`(${NAME}) (?:journal|Journal (?:website|homepage|page))\\b`, 'gu')],
  ['ctx:issn', new RegExp(`(${NAME})[)\\],.]*\\s*\\(?(?:(?:e|p|print|online)[- ]?)?ISSN\\b`, 'gu')],
  ['ctx:submit-to', new RegExp(`\\b(?:submit(?:ted)?|send) (?:[\\p{L}]+ )?to (?:the )?(?:journal )?(${NAME})`, 'gu')],
  ['ctx:is-journal', new RegExp(`(${NAME}),? (?:is|was) (?:an?|the) (?:[\\p{L}-]+,? ){0,8}?(?:journal|periodical|magazine)\\b`, 'gu'), /\b(?:journal|periodical|magazine)\b/],
  // The same in the other languages ("Jurisdoctoria est une revue électronique", "X é uma revista", "X ist eine Zeitschrift").
  ['ctx:is-journal', new RegExp(`(${NAME}),? (?:est une|é uma|es una|è una|ist eine) (?:[\\p{L}-]+,? ){0,8}?(?:revue|revista|rivista|Zeitschrift|publication|publicação|publicación|pubblicazione)\\b`, 'gu'), /(?:^|\s)(?:est une|é uma|es una|è una|ist eine) /],
  // A German compound of the journal and its issue ("die geplante Textpraxis-Sonderausgabe # 7"): the journal is the compound's head.
  ['ctx:before-issue', /\b([\p{Lu}][\p{L}\p{N}]+(?:-[\p{Lu}][\p{L}\p{N}]+)?)-(?:Sonderausgabe|Themenausgabe|Themenheft|Sonderheft|Schwerpunktheft|Sonderband)\b/gu, /-(?:Sonderausgabe|Themenausgabe|Themenheft|Sonderheft|Schwerpunktheft|Sonderband)\b/],
  // A journal's name in quotation marks after its kind ("Jahrbuch „Prace Literaturoznawcze“", "la revue « Terrains »").
  ['ctx:the-journal', /\b(?:Jahrbuch|Zeitschrift|Magazin|Revue|revue|Revista|revista|Rivista|rivista|[Jj]ournal|[Yy]earbook)\s+[„“"«‘]\s?([^”“"»’„\n]{2,80}?)\s?[“”"»’]/gu],
  ['ctx:x-is-doing', new RegExp(`(${NAME}) (?:is|are) (?:preparing|planning|launching|seeking|inviting|calling|pleased|delighted|issuing|publishing)\\b`, 'gu')],
  ['ctx:x-number', new RegExp(`(${NAME}),? (?:No\\.|Vol\\.|Volume|Issue) ?\\d`, 'gu')],
  // With the number between ("Il volume 1/2026 di X", "Das Schwerpunktheft 4/ 2019 der X").
  ['ctx:revue-de', new RegExp(`\\b(?:[Cc]ontributions?|[Nn]um[ée]ro|[Dd]ossier|[Aa]ppel|[Nn]úmero|[Ee]dição|[Cc]hamada|Ausgabe|Heft|Schwerpunktheft|Themenheft|[Vv]olume|[Ff]ascicolo|[Nn]umero)(?: (?:[Nn][°º.o]\\s?)?\\d{1,4}(?:\\s?[/.]\\s?\\d{1,4})?)? (?:de|pour|da|do|der|des|di|del|della) (?:la |da |do |der |des )?(?:[Rr]evue |[Rr]evista |[Rr]ivista |[Zz]eitschrift )?[«“"‘]?\\s?(${NAME})`, 'gu')],
  ['ctx:x-invites', new RegExp(`(${NAME}) (?:invites|welcomes|seeks|solicits|announces|launches|lance|invite|sollicite|convoca|invita) (?:papers|submissions|contributions|articles|proposals|manuscripts|un appel|des (?:contributions|articles|propositions))`, 'gu')],
  // The same in the other languages, with whom the journal welcomes ("Artéfact encourage les chercheurs", "Studiolo accoglie le proposte").
  ['ctx:x-welcomes', new RegExp(`(${NAME}) (?:accueille|encourage|accoglie|incoraggia|acolhe|recibe|convida|lädt) (?:les|le|la|i|gli|as|os|los|las|des|alle|die|zur|ein)\\b`, 'gu')],
  // A page's greeting ("Welcome to X", "Willkommen bei X", "Bienvenue sur X").
  ['ctx:welcome', new RegExp(`\\b(?:[Ww]elcome to|[Ww]illkommen bei|[Bb]ienvenue (?:à|sur|dans)|[Bb]ienvenid[oa]s? a|[Bb]em-vind[oa]s? (?:à|ao)|[Bb]envenut[io] (?:a|su|in)) (?:the )?(${NAME})`, 'gu')],
  // Words parted by spaces, never by nothing: "[\\p{L}]+\\s*" repeated could split one long word every way (seconds a line).
  ['ctx:la-revue', new RegExp(`\\b(?:la|de la|da|della|der|a|na) (?:revue|revista|rivista|Zeitschrift)(?: (?:accademica|scientifica|internazionale|académique|scientifique|internationale|académica|científica|internacional|wissenschaftliche))?\\s+[«“"]?\\s*((?!${REVUE_STOP}\\b)[\\p{L}&’'-]+(?:\\s+(?!${REVUE_STOP}\\b)[\\p{L}&’'-]+){0,5}?)(?=\\s*[»”",.;:(]|\\s+${REVUE_STOP}\\b)`, 'giu')],
  // "BMC Public Health has launched a collection", "IEEE Software will commemorate ...": a name that opens a sentence with an auxiliary,
  // or, with "will", the main clause after a lead-in ("On the occasion of the IYAFA 2022, Reviews in Fish Biology and Fisheries will publish ...";
  // not "Founded in 1997, TEPHINET is hosting ...", a network's description).
  ['ctx:x-will', new RegExp(`(?:^|[.!?]\\s+|\\n|(?:\\d{4}|\\p{Ll}{3}), (?=(?:${NAME}) will\\b))(${NAME}) (?:has|have|will|is|are)(?: (?:also|now|recently|just|again|currently))? (?:launched|extended|opened|announced|issued|published|publish|dedicated|devoted|devote|dedicate|commemorate|celebrate|host|feature|run|running|hosting|featuring|welcome|welcoming|invite|seeking|seek|accepting|accept|organi[sz]ed?|organi[sz]ing|planned|prepared|released)\\b`, 'gu')],
  // "iScience, an interdisciplinary open access journal from Cell Press": the name set beside what it is.
  ['ctx:appositive', new RegExp(`(${NAME}), (?:an?|the) (?:[\\p{L}-]+,? ){0,6}?(?:journal|periodical|magazine)\\b`, 'gu')],
  // "Journal Name : Physical Communication", "Revista: X": a page's label over its journal.
  ['ctx:label', new RegExp(`\\b(?:[Jj]ournal(?: [Nn]ame| [Tt]itle)?|[Pp]ublication|Revista|Revue|Rivista|Zeitschrift)\\s*[:：]\\s*(${NAME})`, 'gu')],
  ['ctx:editor-of', new RegExp(`\\b(?:[Ee]ditors?(?:-in-[Cc]hief)?|[Ee]ditorial (?:[Oo]ffice|[Bb]oard|[Tt]eam)) of (?:the )?(${NAME})`, 'gu')],
];
/** Words that make a title-case phrase read as a journal's name. */
export const JOURNAL_WORDS = '(?:Journal|Review|Studies|Quarterly|Annals|Transactions|Letters|Proceedings|Magazine?|Bulletin|Forum|Reports|Advances|Perspectives|Inquiry|Research|Yearbook|Jahrbuch)';
const JOURNAL_PHRASE = new RegExp(`(?:${NAME} )?${JOURNAL_WORDS}(?: (?:of|on|for|in|and|the|&|${WORD})){0,10}`, 'gu');
/** A journal's word in other languages, then up to six words. */
const FOREIGN_JOURNAL = /\b(?:Revue|Revista|Rivista|Cadernos|Cahiers|Zeitschrift|Anales|Annales|Quaderni|Estudos|Estudios|Études)(?: [\p{L}\p{N}’'-]+){1,6}/gu;
/** "Name of the Journal (NOJ)": a name introduced with its acronym. */
const WITH_ACRONYM = new RegExp(`(${NAME}) \\(([A-Z][A-Za-z&-]{1,10})\\)`, 'gu');

const key = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const initials = (s: string) => s.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.charAt(0)).join('');

/**
 * Every venue candidate of a call, deduplicated by normalised text.
 *
 * @example
 * venueCandidates({ lines, links: [], plain: 'A special issue of Religions on ...' }).map((c) => c.text) // ['Religions', ...]
 */
export function venueCandidates(input: VenueCandidateInput): VenueCandidate[] {
  const out = new Map<string, VenueCandidate>();
  const add = (raw: string | undefined, source: string, clean = true) => {
    // "This MRS Advances special issue", "the Journal’s": a determiner before the name and a possessive after it are the sentence's.
    // A venue the parser knows is spelled its canonical way ("IEEE IoT Journal" is "IEEE Internet of Things Journal").
    // A name never runs over a line's end ("la Zeitschrift Grundwasser\n\nJetzt ..."): what follows the break is the next line's.
    const line = (raw ?? '').split(/\s*\n/)[0] ?? '';
    const text = canonicalVenue(clean ? cleanVenue(line) : line.trim()).replace(/^[“"‘]|[”"’]$/g, '').replace(/^(?:This|That|Our|Its)\s+(?=\S)/, '').replace(/[’']s$/, '').trim();
    const k = key(text);
    // A journal's word alone ("Journal", "Review") names no journal.
    if (/^(?:the )?(?:journal|review|magazine|letters|transactions|bulletin|proceedings)$/.test(k)) return;
    // A pronoun that opens the sentence ("We invite papers"), a call's status ("CLOSED") or announcement words name nobody's journal.
    if (namesNoJournal(k)) return;
    if (!k || text.length < 2 || text.length > 120 || text.split(/\s+/).length > 14) return;
    const c = out.get(k) ?? { text, sources: [] };
    if (!c.sources.includes(source)) c.sources.push(source);
    out.set(k, c);
    // "Nature Communications and Communications Materials": two journals joined, each a candidate of its own.
    const joined = /^(\p{Lu}\S*(?: \p{Lu}\S*)+) (?:and|&) (\p{Lu}\S*(?: \p{Lu}\S*)+)$/u.exec(text);
    if (joined && source !== 'split-and') for (const side of [joined[1], joined[2]]) add(side, 'split-and', false);
  };
  if (input.rule) add(input.rule, 'rule', false);
  if (input.hinted) add(input.hinted, 'hint');
  if (input.tail) add(input.tail, 'title-tail', false);
  for (const p of input.page ?? []) add(p.text, p.source, false);
  for (const s of venueSteps(input.links, input.plain)) add(s.venue, `step:${s.key}`, false);
  for (const m of venueMentions(input.plain)) add(m.name, `mention:${m.key}`, false);
  const text = input.plain.replace(/[*_]+/g, '');
  for (const [source, re, guard] of CONTEXTS) {
    if (guard && !guard.test(text)) continue;
    for (const m of [...text.matchAll(re)].slice(0, 20)) {
      // A journal named after "la revue" may be all lower case ("la revue terrains et travaux"): kept as written.
      add(m[1], source, source !== 'ctx:la-revue');
      // A run of capitals can start before the name ("Welcome Soil Letters Special Issue"): its last words are read too.
      const words = (m[1] ?? '').split(' ');
      for (let i = 1; i < Math.min(words.length, 4); i++) if (/^\p{Lu}/u.test(words[i] ?? '')) add(words.slice(i).join(' '), `${source}-tail`);
    }
  }
  for (const m of [...text.matchAll(JOURNAL_PHRASE)].slice(0, 40)) add(m[0], 'journal-word');
  // Names a journal list holds, wherever the text writes them ("use the submission site for Radio Science").
  for (const name of listedJournals(text)) add(name, 'listed', false);
  for (const m of [...text.matchAll(WITH_ACRONYM)].slice(0, 40)) {
    const name = m[1] ?? '';
    const acr = m[2] ?? '';
    // The name is the capitalised words whose initials spell the acronym ("... of the Journal of African Earth Sciences (JAES)").
    const words = name.split(' ');
    for (let i = 0; i < words.length; i++) {
      const tail = words.slice(i).join(' ');
      if (initials(tail).toUpperCase() === acr.replace(/[^A-Za-z]/g, '').toUpperCase()) {
        add(tail, 'acronym-name');
        break;
      }
    }
  }
  // Journals named in French, Spanish, Portuguese, Italian or German start with their word for journal and go on in lower case
  // ("Revue internationale des Francophonies", "Cadernos de Linguística"): each reading that ends on a capitalised word.
  for (const m of [...text.matchAll(FOREIGN_JOURNAL)].slice(0, 20)) {
    const words = m[0].split(' ');
    for (let n = 2; n <= words.length; n++) if (/^\p{Lu}/u.test(words[n - 1] ?? '')) add(words.slice(0, n).join(' '), 'foreign-journal');
  }
  const content = input.lines.filter((l) => l.kind !== 'blank' && l.kind !== 'rule');
  content.slice(0, 25).forEach((l, i) => {
    const j = journalLine(l.text, content[i + 1]?.text);
    // "... for the Human–Computer Interaction Journal": the sentence's preposition and article are not the name's.
    if (j) add(j.replace(/^(?:for|of|in|to|on)\s+(?:the\s+)?(?=\S)/i, ''), 'journal-line', false);
    // A short Title Case line at the very top is often the journal's masthead (most such lines are page furniture: the model weighs them).
    const ws = l.text.trim().split(/\s+/);
    if (i < 5 && ws.length <= 6 && ws.every((w) => /^[\p{Lu}\d&]|^(?:of|and|on|for|in|the|de|la)$/u.test(w))) add(l.text, 'top-line');
  });
  // A name read short ("Law Review", "ACM Transactions") beside the whole name the text writes around it.
  // Bounded: the first names found (the strongest sources come first), so a page of hundreds of names stays fast.
  for (const base of [...out.values()].slice(0, 60)) {
    for (const wide of widenings(base.text, text).slice(0, 6)) {
      add(wide, 'widened', false);
      const c = out.get(key(wide));
      if (!c || c === base) continue;
      // The first name it widens is the one it is read from.
      c.widened ??= { from: [...base.sources], added: wide.replace(base.text, ' ') };
      // The longer spelling is found where the short one was: it carries the same evidence, and the chooser weighs what was added.
      for (const s of base.sources) if (!c.sources.includes(s)) c.sources.push(s);
      base.wider = (base.wider ?? 0) + 1;
    }
  }
  return [...out.values()];
}
