// web-test-runner's reporter for `npm test`: what its default reporter says of a test file that
// failed or logged (errors, browser logs, 404s), without the progress bar it prints over and over
// when the output is not a terminal; then one plain closing line, `N passed, N failed`, which
// .ci/run reads (the progress bar's own has colour codes inside it on GitHub Actions, GitLab CI
// and CircleCI, and .ci/run's pattern did not match it there).
import { defaultReporter } from '@web/test-runner';

const count = (suite, totals) => {
  for (const test of suite.tests) totals[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
  for (const child of suite.suites) count(child, totals);
};

/** The time a suite's tests took, in ms. */
const duration = (suite) =>
  suite.tests.reduce((sum, test) => sum + (test.duration ?? 0), 0) +
  suite.suites.reduce((sum, child) => sum + duration(child), 0);

export const browserReporter = () => {
  let start = Date.now();
  return {
    ...defaultReporter({ reportTestProgress: false }),
    onTestRunStarted() {
      start = Date.now();
    },
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const failedBefore = totals.failed;
        if (session.testResults) count(session.testResults, totals);
        // A file that failed without a failed test (it did not load, or a hook failed) counts as
        // one failure.
        if (!session.passed && totals.failed === failedBefore) totals.failed++;
      }
      // BROWSER_TIMES=1 npm run test:browser: the slowest files, to see where the time goes.
      if (process.env.BROWSER_TIMES) {
        const files = sessions
          .map((session) => [
            session.testFile.replace(`${process.cwd()}/`, ''),
            session.testResults ? duration(session.testResults) : 0,
          ])
          .sort((a, b) => b[1] - a[1]);
        for (const [file, ms] of files) console.log(`${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
      }
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      const seconds = ((Date.now() - start) / 1000).toFixed(1);
      console.log(
        `Browser tests: ${totals.passed} passed, ${totals.failed} failed${skipped} (${sessions.length} test files, ${seconds} s)`,
      );
    },
  };
};
