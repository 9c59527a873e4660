#!/usr/bin/env node
/** `npm run eval -- --calls ... --papers ...`: the evaluation harness entry. */
import { evalCommand } from './command.js';

evalCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`eval: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
