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

/** A value on one line (an error's stack folded in), cut to MAX_VALUE characters. */
function short(value) {
  const text = (typeof value === 'string' ? JSON.stringify(value) : inspect(value, { depth: 4, breakLength: Infinity }))
    .replace(/\s*\n\s*/g, ' ');
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

/** What a test file's standard error says of why it failed outside any test (an error thrown
 * at its top level): its first error line (with the next line when a command failed, which is
 * the command's own message), else its first line that says "name: message", else its last. */
export function reason(lines) {
  const said = lines.map((l) => l.trim()).filter(Boolean);
  const error = said.findIndex((l) => /^\w*Error\b/.test(l));
  if (error >= 0) return /Command failed/.test(said[error]) && said[error + 1] ? `${said[error]} ${said[error + 1]}` : said[error];
  return said.find((l) => /^\w+: /.test(l)) ?? said.at(-1) ?? 'failed';
}

export default async function* failures(source) {
  // Each file's standard error, kept for a file that fails outside its tests.
  const stderr = new Map();
  for await (const event of source) {
    if (event.type === 'test:stderr' && event.data.file) {
      const lines = stderr.get(event.data.file) ?? [];
      lines.push(...String(event.data.message).split('\n'));
      stderr.set(event.data.file, lines.slice(-200));
    }
    if (event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    // A suite or a test fails again when one of its subtests did: name only the subtest.
    if (details?.error?.failureType === 'subtestsFailed') continue;
    const where = file ? basename(file) : 'a test file';
    // The file itself failed (its process ended badly): say what its standard error said.
    const whole = file && name === file;
    const why = whole ? `the file failed: ${reason(stderr.get(file) ?? [])}` : describe(details?.error);
    yield `${where} › ${whole ? '(the file)' : name}: ${why}\n`;
  }
}
