/**
 * One-off experiment (eval/README.md, "What we tried"): open-set detection with background classes.
 * Every paper is also compared with a fixed set of broad research fields (the OECD Fields of
 * Research and Development, Frascati Manual 2015; the descriptions are ours). A draft that is
 * nearer a generic field than to any call should be less in scope. Prints single-feature and
 * 5-fold cross-validated AUROC over all papers of a suite, for three phrasings of the fields, and
 * the baseline's AUROC against the out-of-scope papers that are not cross-listed into any call.
 * Run: npm run build && node dist/eval/experiments/oos-background.js arxiv
 */
import { loadCalibrations } from '../../adapters/node/calibration-file.js';
import { createUseLiteEmbedder } from '../../adapters/node/use-lite-embedder.js';
import { dot } from '../../core/rank/vector-math.js';
import { prepareDraft } from '../../core/rank/draft.js';
import { calibrationFor, inScopeProbability } from '../../core/rank/calibration.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls, topCall } from '../../core/rank/score-calls.js';
import { createCachedEmbedder } from '../../eval/embed-cache.js';
import { loadEvalFiles } from '../../eval/load.js';
import { auroc } from '../../eval/metrics.js';
import { crosslistMatch, evalCorpus, evalDraft } from '../../eval/run.js';
import { cvAuroc, featureAuroc, type FeatureRow } from './cv.js';

const FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['Mathematics', 'pure mathematics, applied mathematics, statistics and probability'],
  ['Computer and information sciences', 'computer science, algorithms, software, artificial intelligence, information systems'],
  ['Physical sciences', 'atomic, molecular and optical physics, condensed matter, particles and fields, nuclear physics, plasma physics, optics, acoustics, astronomy'],
  ['Chemical sciences', 'organic chemistry, inorganic and nuclear chemistry, physical chemistry, polymer science, electrochemistry, analytical chemistry'],
  ['Earth and related environmental sciences', 'geosciences, mineralogy, palaeontology, geochemistry, geophysics, geology, volcanology, meteorology and atmospheric sciences, climate research, oceanography, hydrology'],
  ['Biological sciences', 'cell biology, microbiology, virology, biochemistry, molecular biology, genetics, bioinformatics, evolutionary biology, ecology, zoology, plant sciences, neuroscience, biophysics'],
  ['Civil engineering', 'architecture engineering, construction engineering, structural engineering, municipal engineering, transport engineering'],
  ['Electrical, electronic and information engineering', 'electrical and electronic engineering, robotics and automatic control, telecommunications, computer hardware and architecture, signal processing'],
  ['Mechanical engineering', 'applied mechanics, thermodynamics, aerospace engineering, nuclear engineering, audio engineering, reliability analysis'],
  ['Chemical engineering', 'chemical process engineering, plants and products'],
  ['Materials engineering', 'ceramics, coatings and films, composites, paper and wood, textiles, metallurgy'],
  ['Medical engineering', 'medical and biomedical engineering, medical laboratory technology, medical devices'],
  ['Environmental engineering', 'geological engineering, petroleum and energy engineering, fuels, remote sensing, mining and mineral processing, marine engineering'],
  ['Environmental biotechnology', 'bioremediation, diagnostic biotechnologies in environmental management'],
  ['Industrial biotechnology', 'bioprocessing technologies, biocatalysis, fermentation, bioproducts, biomaterials, bioplastics, biofuels'],
  ['Nano-technology', 'nano-materials, nano-processes, nanoscale fabrication and properties'],
  ['Basic medicine', 'anatomy and morphology, human genetics, immunology, neurosciences, pharmacology and pharmacy, medicinal chemistry, toxicology, physiology, pathology'],
  ['Clinical medicine', 'obstetrics and gynaecology, paediatrics, cardiovascular systems, haematology, anaesthesiology, orthopaedics, radiology, oncology, surgery, dentistry, dermatology, psychiatry'],
  ['Health sciences', 'health care services and policy, nursing, nutrition, public and environmental health, epidemiology, infectious diseases, occupational health, sport and fitness sciences'],
  ['Medical biotechnology', 'health-related biotechnology, tissue engineering, molecular diagnostics, gene therapy'],
  ['Agriculture, forestry and fisheries', 'agronomy, plant breeding and plant protection, forestry, soil science, horticulture, fisheries'],
  ['Animal and dairy science', 'animal husbandry, dairy science, livestock'],
  ['Veterinary science', 'veterinary medicine and animal health'],
  ['Agricultural biotechnology', 'genetically modified crops and livestock, food biotechnology'],
  ['Psychology', 'psychology, cognitive and behavioural science, special education'],
  ['Economics and business', 'economics, econometrics, industrial relations, business and management, finance, markets, trade'],
  ['Educational sciences', 'education, teaching and learning, pedagogy'],
  ['Sociology', 'sociology, demography, anthropology, ethnology, social issues, gender and family studies, social work'],
  ['Law', 'law, criminology, penology'],
  ['Political science', 'political science, public administration, organisation theory, international relations'],
  ['Social and economic geography', 'environmental sciences social aspects, cultural and economic geography, urban studies, transport planning'],
  ['Media and communications', 'journalism, information science, library science, media and socio-cultural communication'],
  ['History and archaeology', 'history, archaeology'],
  ['Languages and literature', 'general language studies, specific languages, literary studies, linguistics'],
  ['Philosophy, ethics and religion', 'philosophy, history and philosophy of science and technology, ethics, theology, religious studies'],
  ['Arts', 'arts, art history, architectural design, performing arts, music, film, media arts'],
];
const PHRASINGS: Record<string, (f: readonly [string, string]) => string> = {
  'name: description': ([n, d]) => `${n}: ${d}`,
  name: ([n]) => n,
  description: ([, d]) => d,
};

const suite = process.argv[2] ?? 'arxiv';
const { calls, papers } = await loadEvalFiles(`../shared/eval/${suite}/calls.jsonl`, `../shared/eval/${suite}/papers.jsonl`);
const embedder = await createCachedEmbedder(createUseLiteEmbedder({ threads: 2 }), 'eval/.cache');
const { corpus, callIds } = await evalCorpus(calls, embedder);
const calibration = calibrationFor(embedder.id, await loadCalibrations());
const backgrounds = await Promise.all(Object.values(PHRASINGS).map((phrase) => embedder.embed(FIELDS.map(phrase))));

const rows: FeatureRow[] = [];
const crosslisted: boolean[] = [];
for (const paper of papers) {
  const prepared = prepareDraft(evalDraft(paper));
  const [vector] = await embedder.embed([prepared.text]);
  if (!vector) throw new Error(`no vector for ${paper.id}`);
  const scored = scoreCalls(corpus, { ...prepared, vector }, callIds, DEFAULT_RANK_PARAMS);
  const top = topCall(scored);
  if (!top) throw new Error('no calls were scored');
  const f: Record<string, number> = { dense: top.dense, coverage: top.coverage, score: top.score, p: inScopeProbability(top, calibration) };
  backgrounds.forEach((bg, i) => (f[`bg${i}`] = Math.max(...bg.map((b) => dot(vector, b)))));
  rows.push({ y: paper.call_id === null ? 0 : 1, f });
  crosslisted.push(paper.call_id === null && calls.some((c) => crosslistMatch(c.id, paper.all_categories ?? [])));
}
await embedder.flush();

const base = ['dense', 'coverage', 'score'];
console.log(`${suite}: ${rows.filter((r) => r.y).length} in scope, ${rows.filter((r) => !r.y).length} out of scope`);
console.log('CV base'.padEnd(34), cvAuroc(rows, base).toFixed(3));
Object.keys(PHRASINGS).forEach((name, i) => {
  console.log(`-background (${name})`.padEnd(34), (1 - featureAuroc(rows, `bg${i}`)).toFixed(3));
  console.log(`CV base + background (${name})`.padEnd(34), cvAuroc(rows, [...base, `bg${i}`]).toFixed(3));
});
if (crosslisted.some(Boolean)) {
  // Cross-listed out-of-scope papers are arguably in scope of that call; does the label noise explain the gap?
  const p = rows.map((r) => r.f.p ?? 0);
  const pos = p.filter((_, i) => rows[i]?.y);
  const clean = p.filter((_, i) => !rows[i]?.y && !crosslisted[i]);
  const cross = p.filter((_, i) => crosslisted[i]);
  console.log('shipped probability, all'.padEnd(34), auroc(pos, p.filter((_, i) => !rows[i]?.y)).toFixed(3));
  console.log(`  vs not cross-listed (${clean.length})`.padEnd(34), auroc(pos, clean).toFixed(3));
  console.log(`  vs cross-listed (${cross.length})`.padEnd(34), auroc(pos, cross).toFixed(3));
}
