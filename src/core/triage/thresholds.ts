/**
 * Triage thresholds: defaults, then the call's own `triage` setting, then the
 * request's. The resolved pair always has borderline <= in_scope.
 */
import { createError } from '../errors.js';
import { DEFAULT_IN_SCOPE_THRESHOLD } from '../rank/calibration.js';
import type { Call, TriageThresholds, TriageVerdict } from '../schema.js';

export interface ResolvedThresholds {
  in_scope: number;
  borderline: number;
}

/** Below in_scope but at or above this, a submission is borderline (a human should look). */
export const DEFAULT_BORDERLINE_THRESHOLD = 0.25;

export const DEFAULT_TRIAGE_THRESHOLDS: ResolvedThresholds = {
  in_scope: DEFAULT_IN_SCOPE_THRESHOLD,
  borderline: DEFAULT_BORDERLINE_THRESHOLD,
};

/**
 * Merge the layers (most specific last). A borderline inherited from a less
 * specific layer than in_scope is lowered to in_scope (lowering in_scope alone
 * is a valid request); a borderline set at the same or a more specific layer
 * above the in_scope in force is a VALIDATION error naming the field.
 *
 * @example
 * resolveThresholds(call, { in_scope: 0.7 }) // { in_scope: 0.7, borderline: 0.25 }
 */
export function resolveThresholds(
  call: Pick<Call, 'triage'>,
  request?: TriageThresholds,
  defaults: ResolvedThresholds = DEFAULT_TRIAGE_THRESHOLDS,
): ResolvedThresholds {
  const layers: Array<{ name: string; t: TriageThresholds | undefined }> = [
    { name: 'defaults', t: defaults },
    { name: 'call.triage', t: call.triage },
    { name: 'thresholds', t: request },
  ];
  let inScope = { value: defaults.in_scope, level: 0 };
  let borderline = { value: defaults.borderline, level: 0, name: 'defaults' };
  layers.forEach(({ name, t }, level) => {
    if (t?.in_scope !== undefined) inScope = { value: t.in_scope, level };
    if (t?.borderline !== undefined) borderline = { value: t.borderline, level, name };
  });
  if (borderline.value <= inScope.value) return { in_scope: inScope.value, borderline: borderline.value };
  if (borderline.level < inScope.level) return { in_scope: inScope.value, borderline: inScope.value };
  const path = `${borderline.name}.borderline`;
  throw createError('VALIDATION', `invalid thresholds: borderline ${borderline.value} is above in_scope ${inScope.value}`, {
    fields: [{ path, message: `borderline must not be above in_scope (${inScope.value})` }],
  });
}

/**
 * @example
 * verdictFor(0.4, { in_scope: 0.5, borderline: 0.25 }) // 'borderline'
 */
export function verdictFor(probability: number, t: ResolvedThresholds): TriageVerdict {
  if (probability >= t.in_scope) return 'in_scope';
  if (probability >= t.borderline) return 'borderline';
  return 'out_of_scope';
}
