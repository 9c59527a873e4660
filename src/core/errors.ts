/**
 * One table of error codes for the whole service. Every thrown error that
 * crosses a boundary is a {@link CfpError} with a `code` from this table; the
 * HTTP layer maps `status` and the CLI maps `exit`.
 *
 * @example
 * throw createError('UNKNOWN_CALL', `no call with id "${id}"`);
 */
export const ERROR_CODES = {
  VALIDATION: { status: 400, exit: 2 },
  BAD_JSON: { status: 400, exit: 2 },
  BAD_CFP: { status: 422, exit: 2 },
  BAD_INPUT: { status: 400, exit: 2 },
  UNAUTHORIZED: { status: 401, exit: 3 },
  FORBIDDEN: { status: 403, exit: 3 },
  DISABLED: { status: 403, exit: 3 },
  UNKNOWN_CALL: { status: 404, exit: 4 },
  NOT_FOUND: { status: 404, exit: 4 },
  CONFLICT: { status: 409, exit: 5 },
  TOO_LARGE: { status: 413, exit: 2 },
  HEADERS_TOO_LARGE: { status: 431, exit: 2 },
  /** A draft file of a kind that cannot be read (wrong extension or content). */
  UNSUPPORTED_FILE: { status: 415, exit: 2 },
  /** A draft file that was recognised but holds no usable text (scanned, encrypted, damaged). */
  UNREADABLE_FILE: { status: 422, exit: 2 },
  RATE_LIMITED: { status: 429, exit: 6 },
  EMBEDDER_UNAVAILABLE: { status: 503, exit: 7 },
  MODEL_NOT_FOUND: { status: 503, exit: 7 },
  CALIBRATION_MISSING: { status: 500, exit: 7 },
  INDEX_CORRUPT: { status: 500, exit: 8 },
  INDEX_MISMATCH: { status: 500, exit: 8 },
  LLM_UNAVAILABLE: { status: 503, exit: 9 },
  LLM_BAD_OUTPUT: { status: 502, exit: 9 },
  STORAGE: { status: 500, exit: 10 },
  /** The embedding queue is full: retry after the `Retry-After` seconds. */
  OVERLOADED: { status: 503, exit: 11 },
  /** The request ran past its deadline (REQUEST_TIMEOUT_MS) and was stopped. */
  DEADLINE_EXCEEDED: { status: 503, exit: 11 },
  /** The server is shutting down and takes no new admin work. */
  SHUTTING_DOWN: { status: 503, exit: 11 },
  EVAL_DATA: { status: 400, exit: 2 },
  /** A source could not be fetched (timeout, 5xx after retries, redirect loop, network error). */
  FETCH_FAILED: { status: 502, exit: 11 },
  /** A source may not be fetched: robots.txt disallows it, or it resolves to a private address. */
  FETCH_REFUSED: { status: 403, exit: 11 },
  INTERNAL: { status: 500, exit: 1 },
} as const satisfies Record<string, { status: number; exit: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One failing field of a validation error: a dotted path and what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface CfpErrorOptions {
  cause?: unknown;
  fields?: FieldIssue[];
  /** Seconds a client should wait before retrying (sent as `Retry-After` on 429/503). */
  retryAfter?: number;
}

export class CfpError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[] | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, message: string, opts: CfpErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'CfpError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.fields = opts.fields;
    this.retryAfter = opts.retryAfter;
  }

  /** The JSON body every error response carries. Never includes draft text. */
  toJSON(): { error: { code: ErrorCode; message: string; fields?: FieldIssue[] } } {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

/**
 * Create a coded error.
 *
 * @example
 * createError('VALIDATION', 'abstract is empty', { fields: [{ path: 'abstract', message: 'empty' }] });
 */
export function createError(code: ErrorCode, message: string, opts: CfpErrorOptions = {}): CfpError {
  return new CfpError(code, message, opts);
}

export function isCfpError(err: unknown): err is CfpError {
  return err instanceof CfpError;
}

/** Exit code for the CLI for any thrown value. */
export function exitCodeOf(err: unknown): number {
  return isCfpError(err) ? ERROR_CODES[err.code].exit : 1;
}
