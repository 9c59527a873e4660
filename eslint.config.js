import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'], message: 'core is runtime-neutral: no Node modules' },
        { group: ['**/adapters/**', '**/entry/**', '**/http/**', 'hnswlib-node', 'onnxruntime-node', '@huggingface/transformers', '@energetic-ai/*'], message: 'core never imports adapters, entries or native modules' },
      ] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', AbortController: 'readonly' } },
  },
);
