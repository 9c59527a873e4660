import { describe, expect, it } from 'vitest';
import { parseChoice } from './validate.js';

describe('parseChoice', () => {
  const engines = ['onnx', 'tfjs'] as const;
  it('gives the fallback when unset or empty and the value when it is a choice', () => {
    expect(parseChoice('USE_LITE_ENGINE', undefined, engines, 'onnx')).toBe('onnx');
    expect(parseChoice('USE_LITE_ENGINE', '', engines, 'onnx')).toBe('onnx');
    expect(parseChoice('USE_LITE_ENGINE', 'tfjs', engines, 'onnx')).toBe('tfjs');
  });
  it('refuses anything else, naming the setting, its choices and the value', () => {
    expect(() => parseChoice('USE_LITE_ENGINE', 'gpu', engines, 'onnx')).toThrow('USE_LITE_ENGINE must be one of onnx, tfjs (got "gpu")');
  });
});
