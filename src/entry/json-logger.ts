import type { Logger } from '../core/log.js';

/** One JSON object per line on stderr. LOG_LEVEL=silent turns it off. */
export function jsonLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  if (process.env.LOG_LEVEL === 'silent') return () => {};
  return (event, fields = {}) => {
    stream.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`);
  };
}
