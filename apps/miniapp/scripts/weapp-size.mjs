// Prints the weapp main package and each subpackage size, and fails when the main package passes 1.5 MB
// (WeChat refuses a main package over 2 MB; the margin keeps room for growth between checks).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT = 1.5 * 1024 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/?$/, '/'));
const sizes = new Map([['主包', 0], ...roots.map((r) => [r, 0])]);
for (const path of files(dist)) {
  const rel = relative(dist, path).split(sep).join('/');
  if (rel === 'project.config.json') continue;
  const root = roots.find((r) => rel.startsWith(r)) ?? '主包';
  sizes.set(root, sizes.get(root) + statSync(path).size);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = 0;
for (const [name, size] of sizes) {
  total += size;
  console.log(`${name.padEnd(24)} ${kb(size).padStart(10)}`);
}
console.log(`${'合计'.padEnd(24)} ${kb(total).padStart(10)}`);
const main = sizes.get('主包');
if (main > LIMIT) {
  console.error(`主包 ${kb(main)} 超过上限 ${kb(LIMIT)}：请把较重的页面移入分包`);
  process.exit(1);
}
console.log(`主包 ${kb(main)} ≤ ${kb(LIMIT)}`);
