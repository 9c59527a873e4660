/** `cfpmatch eval`: the evaluation harness as a CLI subcommand (implementation in src/eval/). */
import { EVAL_HELP, evalCommand } from '../../eval/command.js';

export { evalCommand };
export const HELP = EVAL_HELP;
