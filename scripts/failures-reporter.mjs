// A `node --test` reporter that writes one line per failing test: the file, the test's name and
// the first line of what the assertion said, with the expected and actual values when the
// assertion compared two values. scripts/test.sh prints these lines last, so that a log read from
// its tail (as CI's is) still names what failed; the spec reporter's own summary is much longer.
//
// Used beside the spec reporter:
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./scripts/failures-reporter.mjs --test-reporter-destination=FILE …
import { basename } from 'node:path';
import { inspect } from 'node:util';

const MAX_VALUE = 160;

/** A value on one line, cut to MAX_VALUE characters. */
function short(value) {
  const text = typeof value === 'string' ? JSON.stringify(value) : inspect(value, { depth: 4, breakLength: Infinity });
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** The line that says why `error` (a test failure, whose cause is the assertion) failed. */
export function describe(error) {
  const cause = error?.cause ?? error;
  const message = String(cause?.message ?? cause ?? 'failed').split('\n').find((line) => line.trim()) ?? 'failed';
  const compared = cause && typeof cause === 'object' && 'expected' in cause && 'actual' in cause
    ? ` (${cause.operator ?? 'compared'}: expected ${short(cause.expected)}, got ${short(cause.actual)})`
    : '';
  return `${message.trim()}${compared}`;
}

export default async function* failures(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    // A suite or a test fails again when one of its subtests did: name only the subtest.
    if (details?.error?.failureType === 'subtestsFailed') continue;
    const where = file ? basename(file) : 'a test file';
    yield `${where} › ${name}: ${describe(details?.error)}\n`;
  }
}
