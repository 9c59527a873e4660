import { describe, expect, it } from 'vitest';
import { latexMath, latexToText } from './latex.js';
import { normalizeText } from './normalize.js';

describe('LaTeX to readable text', () => {
  it.each([
    ['\\mathcal{O}(n \\log n)', 'O(n log n)'],
    ['\\mathcal{O}', 'O'],
    ['\\alpha \\leq \\beta', 'alpha ≤ beta'],
    ['x_{i}^{2}', 'x_i^2'],
    ['\\frac{a}{b} \\times \\sqrt{c}', '(a)/(b) × √(c)'],
    ['\\mathbf{\\hat{x}} \\in \\mathbb{R}^d', 'x ∈ R^d'],
  ])('math %s -> %s', (tex, text) => expect(latexMath(tex)).toBe(text));

  it('removes markup and citations but keeps the words', () => {
    expect(latexToText('We reach $\\mathcal{O}(n)$ time~\\cite{x} with \\emph{no} loss and 50\\% gain -- see \\ref{fig}.')).toBe('We reach O(n) time with no loss and 50% gain – see.');
  });

  it('fixes the pasted abstract case: "$\\mathcal{O}$" no longer becomes "mathcal O"', () => {
    const out = normalizeText('Sorting in $\\mathcal{O}(n \\log n)$ for $\\alpha$-decay');
    expect(out).not.toContain('mathcal');
    expect(out).toBe('Sorting in O(n log n) for alpha-decay');
  });
});
