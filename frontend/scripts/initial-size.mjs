// Reports the gzip size of the JavaScript a first visit loads: the entry script
// and every chunk index.html preloads (lazy page chunks are not counted).
// Exits non-zero when it exceeds the budget (LINLI_JS_BUDGET_KB, default 500).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const urls = new Set();
for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) urls.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) urls.add(m[1]);

let raw = 0;
let gz = 0;
for (const url of urls) {
  const buf = readFileSync(join(dist, url.replace(/^\//, '')));
  const size = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} kB gzip  ${url}`);
}
const budget = Number(process.env.LINLI_JS_BUDGET_KB ?? 500);
console.log(`initial JS: ${(raw / 1024).toFixed(1)} kB raw, ${(gz / 1024).toFixed(1)} kB gzip (budget ${budget} kB)`);
if (gz / 1024 > budget) {
  console.error('initial JS is over budget');
  process.exit(1);
}
