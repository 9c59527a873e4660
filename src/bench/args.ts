/** Command-line flags of `npm run bench`. */

export const SECTIONS = ['embed', 'rank', 'http', 'triage', 'window', 'e2e', 'catalogue', 'parse'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchArgs {
  sections: Section[];
  sizes: number[];
  dims: number;
  seed: number;
  queries: number;
  /** Timed queries for the exact (flat) index at sizes above 2,000 calls, where each costs seconds. */
  exactQueries: number;
  /** Largest size at which the exact index is also measured. */
  exactMaxSize: number;
  recallDrafts: number;
  m: number;
  efConstruction: number;
  efSearch: number;
  httpSize: number;
  httpSeconds: number;
  httpConnections: number;
  out: string;
  /** Name of the result files (default: `latest`). */
  name: string;
  /** Override the matcher's exactLimit (to compare candidate selection against scoring every call). */
  exactLimit?: number;
  /** `--only catalogue`: saved CFP pages to import and sources to refresh; 0 skips embedding their passages. */
  cataloguePages: number;
  catalogueEmbed: boolean;
  /** Longest text the window section embeds whole (20,000+ characters take tens of seconds). */
  windowMaxChars: number;
  /** e2e: the shared evaluation suites, read by path. */
  evalDir: string;
  /** e2e: rank requests per build at concurrency 1, 4 and 16. */
  e2eRequests: [number, number, number];
  e2eTriageRows: number;
  e2eIndexCalls: number;
  /** e2e: seconds after which a phase starts no more requests (its share of it per build). */
  e2eSeconds: number;
  /** e2e: a built checkout of an older build to run alongside (before/after in one run). */
  e2eBase?: string;
  /** Published papers (exemplars) on every synthetic call (issue #18); 0 = none. */
  papers: number;
}

export const USAGE = `npm run bench -- [--only embed,rank,http,triage,window,e2e,catalogue,parse] [--sizes 100,1000,10000,50000]
  [--dims 512] [--seed 7] [--queries 200] [--exact-queries 10] [--exact-max-size 50000]
  [--recall-drafts 50] [--m 16] [--ef-construction 100] [--ef-search 64]
  [--http-size 10000] [--http-seconds 10] [--http-connections 8] [--out bench/results] [--name latest]
  [--exact-limit <calls>] [--window-max-chars 16000] [--eval-dir ../shared/eval] [--e2e-requests 40,48,64]
  [--e2e-triage 500] [--e2e-index-calls 1000] [--e2e-seconds 240] [--e2e-base <built checkout>] [--papers <per call>]
  [--catalogue-pages 1000] [--catalogue-embed 1|0] (catalogue and parse run only with --only)`;

/**
 * @example
 * parseArgs(['--only', 'rank', '--sizes', '100,1000']).sizes // [100, 1000]
 */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    // The catalogue section embeds ~10k passages with USE-lite (many minutes) and the parse section reads the labelled
    // calls of eval/cfp: only on request.
    sections: SECTIONS.filter((s) => s !== 'catalogue' && s !== 'parse'),
    sizes: [100, 1_000, 10_000, 50_000],
    dims: 512,
    seed: 7,
    queries: 200,
    exactQueries: 10,
    exactMaxSize: 50_000,
    recallDrafts: 50,
    m: 16,
    efConstruction: 100,
    efSearch: 64,
    httpSize: 10_000,
    httpSeconds: 10,
    httpConnections: 8,
    out: 'bench/results',
    name: 'latest',
    cataloguePages: 1_000,
    catalogueEmbed: true,
    windowMaxChars: 16_000,
    evalDir: '../shared/eval',
    e2eRequests: [40, 48, 64],
    e2eTriageRows: 500,
    e2eIndexCalls: 1000,
    e2eSeconds: 240,
    papers: 0,
  };
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? '';
    const v = argv[i + 1];
    switch (flag) {
      case '--only': {
        const wanted = (v ?? '').split(',').filter(Boolean);
        const bad = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
        if (bad.length || !wanted.length) throw new Error(`--only takes ${SECTIONS.join(',')}\n${USAGE}`);
        args.sections = wanted as Section[];
        break;
      }
      case '--sizes':
        args.sizes = (v ?? '').split(',').map((s) => num(flag, s));
        break;
      case '--dims': args.dims = num(flag, v); break;
      case '--seed': args.seed = num(flag, v); break;
      case '--queries': args.queries = num(flag, v); break;
      case '--exact-queries': args.exactQueries = num(flag, v); break;
      case '--exact-max-size': args.exactMaxSize = num(flag, v); break;
      case '--recall-drafts': args.recallDrafts = num(flag, v); break;
      case '--m': args.m = num(flag, v); break;
      case '--ef-construction': args.efConstruction = num(flag, v); break;
      case '--ef-search': args.efSearch = num(flag, v); break;
      case '--http-size': args.httpSize = num(flag, v); break;
      case '--http-seconds': args.httpSeconds = num(flag, v); break;
      case '--http-connections': args.httpConnections = num(flag, v); break;
      case '--out': args.out = v ?? args.out; break;
      case '--name': args.name = v ?? args.name; break;
      case '--exact-limit': args.exactLimit = num(flag, v); break;
      case '--catalogue-pages': args.cataloguePages = num(flag, v); break;
      case '--catalogue-embed': args.catalogueEmbed = num(flag, v) !== 0; break;
      case '--window-max-chars': args.windowMaxChars = num(flag, v); break;
      case '--eval-dir': args.evalDir = v ?? args.evalDir; break;
      case '--e2e-requests': {
        const [a = 0, b = 0, c = 0] = (v ?? '').split(',').map((x) => num(flag, x));
        args.e2eRequests = [a, b, c];
        break;
      }
      case '--e2e-triage': args.e2eTriageRows = num(flag, v); break;
      case '--e2e-index-calls': args.e2eIndexCalls = num(flag, v); break;
      case '--e2e-seconds': args.e2eSeconds = num(flag, v); break;
      case '--e2e-base': args.e2eBase = v; break;
      case '--papers': args.papers = num(flag, v); break;
      default:
        throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  return args;
}
