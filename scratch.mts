import { readFileSync } from 'node:fs';
import { parseCfpHtml } from './src/core/cfp/index.ts';
const c = parseCfpHtml(readFileSync('eval/cfp/cases/elsevier-dss-design-science-social-good.html','utf8'), {url:'https://www.sciencedirect.com/special-issue/306480/x'});
console.log(c.source_text?.slice(0,1500)); console.log(c.field_sources);
