// The pinned wasm-opt (npm binaryen, installed by ./dev setup into .tools/) run as Trunk runs
// it: -Oz with the wasm features the build uses. Shared by wasm-size.mjs and load-floor.mjs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WASM_OPT = path.join(ROOT, '.tools/node_modules/binaryen/bin/wasm-opt');
const FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];

/** `wasm-opt -Oz [flags]` of `input` into `output` (they may be the same file). */
export function wasmOpt(input, output, flags = []) {
  execFileSync(WASM_OPT, ['-Oz', ...flags, ...FEATURES.map((f) => `--enable-${f}`), input, '-o', output], { stdio: 'inherit' });
}
