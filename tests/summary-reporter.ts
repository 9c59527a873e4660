/**
 * Ends the test output with a plain `N passed, N failed, N skipped` line
 * after vitest's own summary, so any CI that reads plain counts sees them.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private line = '';

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      const tests = [...m.children.allTests()];
      for (const t of tests) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load has no tests but must still count as a failure.
      if (tests.length === 0 && m.state() === 'failed') failed++;
    }
    this.line = `${passed} passed, ${failed} failed, ${skipped} skipped`;
    // vitest's default reporter prints its summary after this hook returns; print ours last.
    process.once('beforeExit', () => process.stdout.write(`\n${this.line}\n`));
  }
}
