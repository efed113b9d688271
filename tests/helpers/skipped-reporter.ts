/**
 * Lists every skipped unit test at the end of the run, grouped by the reason it was skipped, so a
 * skip is never mistaken for a pass. Tests that need material from outside the repository give
 * their reason through `itNeeds` (tests/helpers/material.ts); a skip with no reason is listed as
 * such, which makes an unexplained `it.skip` stand out in review.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';

export default class SkippedReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byReason = new Map<string, string[]>();
    const visit = (test: TestCase) => {
      const result = test.result();
      if (result.state !== 'skipped') return;
      const reason = result.note ?? 'no reason given';
      const list = byReason.get(reason) ?? [];
      list.push(`${test.module.relativeModuleId} > ${test.fullName}`);
      byReason.set(reason, list);
    };
    for (const module of modules) for (const test of module.children.allTests()) visit(test);
    if (byReason.size === 0) return;
    const lines = ['', 'Skipped tests:'];
    for (const [reason, tests] of byReason) {
      lines.push(`  ${tests.length} skipped: ${reason}`);
      for (const name of tests) lines.push(`    - ${name}`);
    }
    console.log(lines.join('\n'));
  }
}
