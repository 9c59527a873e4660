#!/usr/bin/env node
/** `npm run eval -- --calls ... --papers ...`: the evaluation harness entry. */
import { exitCodeOf, isCfpError } from '../core/errors.js';
import { evalCommand } from './command.js';

evalCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Bad input (a path that cannot be read) exits 2 with its code, as the cfpmatch commands do.
    console.error(`eval: ${isCfpError(err) ? `${err.code}: ` : ''}${(err as Error).message}`);
    process.exitCode = isCfpError(err) ? exitCodeOf(err) : 1;
  },
);
