#!/usr/bin/env node
// Each invalid site configuration in tests/sites/ must stop the build with its own clear
// message naming the field (build.rs checks the configuration with src/model/site.rs). Builds
// the crate's library natively with READER_SITE pointing at each file; only the build script
// runs again, so this takes seconds once `cargo test` has built the dependencies.
//   node scripts/check-site-errors.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nativeEnv } from './native-env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CASES = {
  'low-contrast-accent.json': /accent\.light: #ffd54f has a contrast of 1\.\d:1 against the light background #[0-9a-f]{6}; text needs at least 4\.5:1 \(WCAG AA\)/,
  'public-url-with-path.json': /public_url: must be an http or https origin such as https:\/\/news\.example, without a path/,
  'no-name.json': /name: is missing/,
  'missing-logo.json': /logo: sites\/missing\.svg is not a file in the project/,
  'unknown-language.json': /languages\.offered: "de" is not a language the reader speaks \(en, fr, ar\)[\s\S]*languages\.default: de is not one of the offered languages/,
  'not-json.json': /\(file\): is not valid JSON/,
  'base-path-without-slashes.json': /base_path: must be a folder such as \/reader\/: starting and ending with \/, letters, digits, - _ \. ~ between \(got reader\)/,
  'source-with-path.json': /sources: "https:\/\/wire\.example\/feed\/" must be an http or https origin such as https:\/\/wire\.example, without a path/,
};
const env = nativeEnv();
let failed = 0;
for (const [file, expected] of Object.entries(CASES)) {
  const run = spawnSync('cargo', ['build', '--lib', '--quiet'], {
    cwd: root, encoding: 'utf8', env: { ...env, READER_SITE: `tests/sites/${file}` },
  });
  const said = run.stderr ?? '';
  if (run.status === 0) {
    console.error(`check-site-errors: ${file}: the build went through`);
    failed += 1;
  } else if (!expected.test(said)) {
    console.error(`check-site-errors: ${file}: the build stopped, but without the expected message ${expected}:\n${said}`);
    failed += 1;
  } else {
    console.log(`check-site-errors: ${file}: stopped with ${said.match(expected)[0].split('\n')[0]}`);
  }
}
if (failed) process.exit(1);
