// Generates src/api/schema.d.ts from the API contract (openapi/openapi.json).
//   node scripts/gen-api.mjs          regenerate the committed file
//   node scripts/gen-api.mjs --check  fail when the committed file is stale
// OPENAPI_SPEC may point at another copy of the contract.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(process.env.OPENAPI_SPEC ?? join(root, '..', 'openapi', 'openapi.json'));
const committed = join(root, 'src', 'api', 'schema.d.ts');
const check = process.argv.includes('--check');

if (!existsSync(spec)) {
  console.error(`API contract not found: ${spec}`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const pkgJson = require.resolve('openapi-typescript/package.json');
const bin = join(dirname(pkgJson), JSON.parse(readFileSync(pkgJson, 'utf8')).bin['openapi-typescript']);

function generate(outFile) {
  const run = spawnSync(process.execPath, [bin, spec, '--output', outFile], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    console.error('openapi-typescript failed');
    process.exit(run.status ?? 1);
  }
}

if (!check) {
  generate(committed);
  console.log(`wrote ${relative(root, committed)} from ${spec}`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'linli-api-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  generate(fresh);
  const current = existsSync(committed) ? readFileSync(committed, 'utf8') : null;
  if (current !== readFileSync(fresh, 'utf8')) {
    const shown = spec.startsWith(join(root, '..')) ? relative(join(root, '..'), spec) : spec;
    console.error(
      `src/api/schema.d.ts is stale: it no longer matches ${shown}.\n` +
        'Run `npm run gen:api` in frontend/ and commit the result.',
    );
    process.exit(1);
  }
  console.log('src/api/schema.d.ts matches the API contract');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
