/**
 * How the CFP evaluation's scripts end (eval:cfp, train:title, train:venue):
 * exit with what `main` returns; on an error, one line on stderr, and bad
 * input (a coded error: a path that cannot be read) exits with its code's
 * status, as the cfpmatch commands do, anything else with 1.
 */
import { exitCodeOf, isCfpError } from '../../core/errors.js';

/**
 * Run a script's `main` and exit.
 *
 * @example
 * runEntry('train:title', main); // "train:title: BAD_INPUT: --cases x: cannot read it: ..." and exit 2 on a missing folder
 */
export function runEntry(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(isCfpError(err) ? `${name}: ${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err));
      process.exit(isCfpError(err) ? exitCodeOf(err) : 1);
    },
  );
}
