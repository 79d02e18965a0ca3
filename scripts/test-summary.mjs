// Sums the results of scripts/test.sh into ONE last line: `N passed, M failed`.
//
//   node scripts/test-summary.mjs [--vitest NAME FILE EXIT] [--playwright NAME FILE EXIT] [--step NAME EXIT] ...
//
// --vitest / --playwright: a JSON report and the exit code of the run that wrote it. Failed tests are
// listed by name. A missing or unreadable report, a test file that failed to load, a global error
// (e.g. the web server did not start), or a non-zero exit the report does not explain each count as
// one failure, with a message saying why.
// --step: a check that has no tests (lint, type check, build): a non-zero exit counts as one failure.
// Details go to stderr; the summary line is the last line on stdout. Exit code 1 when M > 0.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const notes = [];

const fail = (message) => {
  failed += 1;
  notes.push(message);
};

function readJson(name, file) {
  if (!existsSync(file)) {
    fail(`${name}: no report at ${file} (the run did not finish or crashed before writing it)`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${name}: report ${file} is not valid JSON (${error.message})`);
    return undefined;
  }
}

function vitest(name, file, exitCode) {
  const report = readJson(name, file);
  if (!report) return;
  let runFailed = 0;
  for (const suite of report.testResults ?? []) {
    const tests = suite.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === 'passed') passed += 1;
      else if (t.status === 'failed') {
        runFailed += 1;
        fail(`${name}: FAILED ${suite.name} › ${t.fullName ?? t.title}`);
      }
    }
    // A file that failed to load (syntax error, failing beforeAll…) may report no failed test.
    if (suite.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      runFailed += 1;
      const why = (suite.message ?? '').split('\n')[0];
      fail(`${name}: FAILED to run ${suite.name}${why ? `: ${why}` : ''}`);
    }
  }
  if (exitCode !== 0 && runFailed === 0) {
    const why =
      (report.numTotalTests ?? 0) === 0
        ? 'and ran no test (no test files found? see its output)'
        : 'although no test failed (unhandled error? see its output)';
    fail(`${name}: vitest exited with code ${exitCode} ${why}`);
  }
}

function playwright(name, file, exitCode) {
  const report = readJson(name, file);
  if (!report) return;
  let runFailed = 0;
  const walk = (suite, titles) => {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        // expected / flaky count as passed, unexpected as failed, skipped as neither.
        if (t.status === 'expected' || t.status === 'flaky') passed += 1;
        else if (t.status === 'unexpected') {
          runFailed += 1;
          fail(`${name}: FAILED [${t.projectName}] ${[...here, spec.title].join(' › ')}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const error of report.errors ?? []) {
    runFailed += 1;
    fail(`${name}: error: ${(error.message ?? String(error)).split('\n')[0]}`);
  }
  if (exitCode !== 0 && runFailed === 0) {
    fail(`${name}: playwright exited with code ${exitCode} although no test failed (see its output)`);
  }
}

const args = process.argv.slice(2);
const code = (value, what) => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`test-summary: ${what}: exit code "${value}" is not a number`);
  return n;
};
while (args.length > 0) {
  const kind = args.shift();
  if (kind === '--vitest' || kind === '--playwright') {
    const [name, file, exitCode] = args.splice(0, 3);
    if (exitCode === undefined) throw new Error(`test-summary: ${kind} needs NAME FILE EXIT`);
    (kind === '--vitest' ? vitest : playwright)(name, file, code(exitCode, name));
  } else if (kind === '--step') {
    const [name, exitCode] = args.splice(0, 2);
    if (exitCode === undefined) throw new Error('test-summary: --step needs NAME EXIT');
    const n = code(exitCode, name);
    if (n !== 0) fail(`${name}: exited with code ${n}`);
  } else {
    throw new Error(`test-summary: unknown argument ${kind}`);
  }
}

if (notes.length > 0) {
  process.stderr.write(`\nFailures:\n${notes.map((n) => `  - ${n}`).join('\n')}\n\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
