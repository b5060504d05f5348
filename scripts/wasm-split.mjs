// Leptos's code-splitting recipe, run by our own build steps (Trunk cannot): the islands bundles
// (scripts/build-islands.mjs) and the app (scripts/build-app-split.mjs). A module linked with
// `--emit-relocs` is cut at every `split!` function (src/platform/chunk.rs) by `wasm-split-cli`
// (the CLI of `wasm_split_cli_support`, the crate cargo-leptos calls): the code reached only
// through one leaves the main module for a chunk of its own (split_{name}.wasm; code two splits
// share goes into a chunk_*.wasm both load), with __wasm_split.js, which fetches them on first
// use. wasm-bindgen then runs on the main module only, keeping the exports the chunks link
// against, and wasm-opt on every module.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

/** esbuild's minification of a module's JavaScript. */
export const minify = (code) => transformSync(code, { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' }).code;

/**
 * wasm-opt for size, with the features the modules use, from `from` to `to` (every module of the
 * app and the islands; Trunk runs none: index.html's data-wasm-opt="0"). One pass of -Oz:
 * `--converge` took twice the time on the app's main module (18 s of CPU instead of 9) for 22
 * bytes less after brotli (measured 2026-12-07).
 */
export const optimize = (from, to) => run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '-o', to, from]);

/**
 * Splits the linked module `wasm` in the empty folder `dir`: gives the main module's wasm and its
 * wasm-bindgen glue (`main`), the split's loader (`loader`, which imports `./{name}.js` and
 * fetches `./{chunk file}`), and each chunk's file name and bytes. `opt`: run wasm-opt (a
 * release build).
 */
export function splitModule(wasm, dir, name, { opt = true } = {}) {
  const split = join(dir, 'split');
  run('wasm-split-cli', [wasm, split, '--target', 'web', '--out-name', name]);
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', dir, '--out-name', name,
    join(split, `${name}.wasm`)]);
  const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`).sort();
  if (opt) {
    optimize(join(dir, `${name}_bg.wasm`), join(dir, `${name}.opt.wasm`));
    for (const chunk of chunks) optimize(join(split, chunk), join(dir, chunk));
  }
  return {
    wasm: readFileSync(join(dir, opt ? `${name}.opt.wasm` : `${name}_bg.wasm`)),
    main: readFileSync(join(dir, `${name}.js`), 'utf8'),
    loader: readFileSync(join(split, '__wasm_split.js'), 'utf8'),
    chunks: chunks.map((file) => ({ file, bytes: readFileSync(join(opt ? dir : split, file)) })),
  };
}

/** `code` with every `from` replaced by `to`; fails when `from` is not there (the splitter's
 * output changed shape). */
export function swap(code, from, to) {
  if (!code.includes(from)) throw new Error(`wasm-split: expected ${from} in the split's JavaScript`);
  return code.split(from).join(to);
}

/**
 * The split module's JavaScript under its final names (`names`: `main`, `loader`, and `chunk(file)`):
 * the main module's glue imports the loader (the wasm's import module keeps its own name), the
 * loader imports the glue and fetches the chunks. `name` is the module's name in `splitModule`.
 */
export function renamed(module, name, names, { min = true } = {}) {
  const tidy = min ? minify : (code) => code;
  const main = tidy(swap(module.main, 'from "./__wasm_split.js"', `from "./${names.loader}"`));
  let loader = swap(module.loader, `"./${name}.js"`, `"./${names.main}"`);
  for (const chunk of module.chunks) loader = swap(loader, `"./${chunk.file}"`, `"./${names.chunk(chunk.file)}"`);
  return { main, loader: tidy(loader) };
}
