/**
 * Structured log sink. Callers pass ids, counts and timings — never draft
 * text (drafts are confidential).
 */
export type Logger = (event: string, fields?: Record<string, string | number | boolean | undefined>) => void;

export const silentLogger: Logger = () => {};
