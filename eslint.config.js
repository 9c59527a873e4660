import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE = { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'util', 'stream', 'events'], message: 'no Node modules here' };
const NATIVE = { group: ['hnswlib-node', 'onnxruntime-node', '@huggingface/transformers', '@energetic-ai/*', '@hono/node-server', '@hono/node-server/*'], message: 'no native or Node-only packages here' };
/** A pattern that forbids importing the given top-level parts of src (e.g. 'adapters/node'). */
const outside = (parts) => parts.map((p) => ({ group: [`**/${p}/**`, `**/${p}.js`], message: `may not import src/${p}` }));
/** The other adapter family, reached from a sibling folder (`../node/x.js` from adapters/workers). */
const SIBLING = (family) => ({ group: [`../${family}/**`, `../../adapters/${family}/**`], message: `may not import src/adapters/${family}` });
/** One layer's "never" rule; tests of a layer follow the same rule as its code. */
const layer = (files, why, patterns) => [
  { files, rules: { 'no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, message: `${why} (${p.message})` })) }] } },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-worker', 'models', 'coverage', '.wrangler', 'data', 'bench/results', 'tests/.tmp', '.cache', 'eval/.cache', 'src/web/generated'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // The layering (docs/architecture.md): entry -> http, adapters -> core. Each "never" is a rule here.
  ...layer(['src/core/**/*.ts'], 'core is runtime-neutral and imports only core', [NODE, NATIVE, ...outside(['adapters', 'entry', 'http', 'web', 'cli', 'eval', 'bench', 'calibrate'])]),
  ...layer(['src/http/**/*.ts', 'src/web/**/*.ts'], 'http and web run on Node and Workers alike: core only, no adapters, no Node modules', [NODE, NATIVE, ...outside(['adapters', 'entry', 'cli', 'eval', 'bench', 'calibrate'])]),
  ...layer(['src/adapters/workers/**/*.ts'], 'Workers adapters implement core ports only, with Web APIs', [NODE, NATIVE, SIBLING('node'), ...outside(['adapters/node', 'entry', 'http', 'web', 'cli', 'eval', 'bench', 'calibrate'])]),
  ...layer(['src/entry/worker.ts', 'src/entry/service.ts'], 'the Worker and the service it shares with Node load no Node adapter or module', [NODE, NATIVE, ...outside(['adapters/node', 'cli', 'eval', 'bench', 'calibrate'])]),
  ...layer(['src/adapters/node/**/*.ts'], 'Node adapters implement core ports only', [SIBLING('workers'), ...outside(['adapters/workers', 'entry', 'http', 'web', 'cli', 'eval', 'bench', 'calibrate'])]),
  ...layer(['src/cli/**/*.ts', 'src/eval/**/*.ts', 'src/bench/**/*.ts', 'src/calibrate/**/*.ts'], 'Node tools never load the Worker adapters', outside(['adapters/workers'])),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', AbortController: 'readonly', performance: 'readonly' } },
  },
);
