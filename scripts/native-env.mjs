// The environment for a native cargo command run from a build or test script: without the
// wasm build's size levers (scripts/build.sh sets them for the wasm target only; they must not
// reach a native build such as the prerender).
export const nativeEnv = (env = process.env) =>
  Object.fromEntries(Object.entries(env).filter(([k]) => !/^(RUSTC_BOOTSTRAP|CARGO_UNSTABLE_|CARGO_TARGET_WASM32_)/.test(k)));
