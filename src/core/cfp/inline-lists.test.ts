import { describe, expect, it } from 'vitest';
import { inlineTopics } from './inline-lists.js';
import { parseCfp } from './parse.js';

describe('topics listed inline', () => {
  it.each([
    ['Topic Areas: Soil Science; Ethics; Applied Ethics.', ['Soil Science', 'Ethics', 'Applied Ethics']],
    ['Potential topics could include (but are not limited to): soil and carbon; water, policy, and farms; erosion; and soil in cities. Informative papers are welcome.', ['soil and carbon', 'water, policy, and farms', 'erosion', 'soil in cities']],
    ['Examples might include articles related to: • Soil carbon • Erosion control • Water quality', ['Soil carbon', 'Erosion control', 'Water quality']],
    ['Papers should deal with, but are not limited to the following: 1. Soil Carbon 2. Erosion Control 4. Water Quality and Many More ... The Journal is indexed.', ['Soil Carbon', 'Erosion Control', 'Water Quality']],
  ])('%s', (para, topics) => {
    expect(inlineTopics([para])).toEqual(topics);
  });

  it('reads short phrases separated by commas after a topics lead-in, with or without a colon', () => {
    expect(inlineTopics(['We welcome manuscripts. Topics of interests include, but are not limited to: soil carbon markets, erosion control on farms, and water quality.'])).toEqual(['soil carbon markets', 'erosion control on farms', 'water quality']);
    expect(inlineTopics(['Possible topics include, but are not limited to, soil carbon, erosion control, and water quality. Survey papers are welcome.'])).toEqual(['soil carbon', 'erosion control', 'water quality']);
    // Long clauses between commas are prose, not items.
    expect(inlineTopics(['Topics include: how soil carbon is measured across many different farms and regions in the world today, erosion, and water.'])).toEqual([]);
  });

  it('reads a list flattened with its marks ("--", "*", "-") into the paragraph, and ends the last item where the next sentence starts', () => {
    // As a plain-text e-mail or a page copied onto one line gives it (a JPDC call of 1995 in the labelled set).
    expect(inlineTopics(['Topics of interest include, but are not limited to: -- Exact dependence analysis -- Data locality -- Loop transformations -- Language design issues Authors should follow the JPDC manuscript format.'])).toEqual(['Exact dependence analysis', 'Data locality', 'Loop transformations', 'Language design issues']);
    expect(inlineTopics(['Topics include: * Soil carbon * Erosion control * Water quality Deadline: 1 May 2025'])).toEqual(['Soil carbon', 'Erosion control', 'Water quality']);
    expect(inlineTopics(['Examples might include articles related to: • Soil carbon • Erosion control • Water quality Papers are due in May.'])).toEqual(['Soil carbon', 'Erosion control', 'Water quality']);
    // A last item no longer than the others is kept whole, capitals and all.
    expect(inlineTopics(['Topics include: - Soil carbon in forests - Erosion - The Water Framework Directive'])).toEqual(['Soil carbon in forests', 'Erosion', 'The Water Framework Directive']);
    // Two marked items are not a list; a hyphen inside an item does not part it.
    expect(inlineTopics(['Topics include: -- Soil carbon -- Erosion.'])).toEqual([]);
    expect(inlineTopics(['Topics include: - Soil-water interactions - Long-term erosion - Agri-environment policy.'])).toEqual(['Soil-water interactions', 'Long-term erosion', 'Agri-environment policy']);
  });

  it('needs a lead-in and three items', () => {
    expect(inlineTopics(['We study soil; water; air.'])).toEqual([]);
    expect(inlineTopics(['Topics include: soil; water.'])).toEqual([]);
  });

  it('is used only when the call has no list', () => {
    const withList = parseCfp('Soil and Society\n\nTopic Areas: Soil Science; Ethics; Applied Ethics.\n\nTopics of interest include:\n- Soil carbon\n- Erosion\n');
    expect(withList.topics).toEqual(['Soil carbon', 'Erosion']);
    expect(parseCfp('Soil and Society\n\nWe invite papers on soil and society, for a special issue.\n\nTopic Areas: Soil Science; Ethics; Applied Ethics.\n').topics).toEqual(['Soil Science', 'Ethics', 'Applied Ethics']);
  });
});

describe('enumerations marked inside a sentence', () => {
  it('reads a) b) c) and (i) (ii) (iii) when the sentence says what the call seeks', () => {
    expect(inlineTopics(['This call for papers focuses on three major components: a) soil carbon in farms b) erosion control, and c) water quality. Reviews are welcome.'])).toEqual(['soil carbon in farms', 'erosion control', 'water quality']);
    expect(inlineTopics(['We encourage research that examines how institutions (i) restrict change; (ii) enable change; and (iii) are transformed by it.'])).toEqual(['restrict change', 'enable change', 'are transformed by it']);
  });

  it('leaves background enumerations and submission material alone', () => {
    expect(inlineTopics(['Agriculture faces several challenges, including the need to (i) grow more food, (ii) save water, and (iii) cut emissions.'])).toEqual([]);
    expect(inlineTopics(['Submissions must include: a) a cover letter b) the manuscript c) a short biography.'])).toEqual([]);
  });

  it('needs three markers in order', () => {
    expect(inlineTopics(['We invite papers on a) soils and b) water.'])).toEqual([]);
    expect(inlineTopics(['We invite papers on a) soils c) water b) air.'])).toEqual([]);
  });
});

describe('topics named by a lead-in without a colon', () => {
  it('reads "topics, including A; B; C"', () => {
    expect(inlineTopics(['We accept papers on a number of different topics, including digital rituals; online communities; religious hate speech and conflicts.'])).toEqual(['digital rituals', 'online communities', 'religious hate speech and conflicts']);
  });
});

describe('inline topics after lead-ins with no colon (round 11)', () => {
  it('reads "including but not limited to A, B, C" and "including contributions to A, B, C, and D"', () => {
    expect(inlineTopics(['This special issue aims to publish contributions on reproductive biology, including but not limited to floral induction, sex determination, sporogenesis and gametogenesis, and fruit set.'])).toEqual(['floral induction', 'sex determination', 'sporogenesis and gametogenesis', 'fruit set']);
    expect(inlineTopics(['We welcome any submissions related to Bayesian optimization, including contributions to modeling, methodology, extensions, practical issues, and applications.'])).toEqual(['modeling', 'methodology', 'extensions', 'practical issues', 'applications']);
  });

  it('reads "ranging from A, B, C, to D" and skips the list\'s own "the following topics:"', () => {
    expect(inlineTopics(['All aspects will be considered, ranging from molecular biology, physiology, genetics, to agronomy.'])).toEqual(['molecular biology', 'physiology', 'genetics', 'agronomy']);
    expect(inlineTopics(['Essays may address, including, but not limited to, the following topics: game studies, digital narrative, social media, and mapping.'])).toEqual(['game studies', 'digital narrative', 'social media', 'mapping']);
  });

  it('leaves scope sentences alone: one "and", or "ranging from" without "to"', () => {
    expect(inlineTopics(['Norms that set out rights, including but not limited to the right to dignity and security of the person psychologically and physically.'])).toEqual([]);
    expect(inlineTopics(['Studies with a broad scope of antimicrobials, ranging from antiparasitics, antiviral, antibacterial, fungicides and phytobiotics and from diverse sources.'])).toEqual([]);
  });
});
