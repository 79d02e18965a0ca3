#!/usr/bin/env node
/**
 * What a first visit to a route downloads before it is usable: index.html, the entry chunk with its
 * static imports and CSS, and the route's page chunk with its static imports (chunks loaded later by
 * `import()`, such as ECharts and exceljs, are not counted). Follows vite's manifest
 * (dist/.vite/manifest.json); routes and their page modules are read from src/router.tsx.
 *
 *   node scripts/bundle-size.mjs [--dist DIR] [--json] [--budget KB] [ROUTE...]
 *
 * Sizes are gzip at level 9 and brotli at quality 11, as the build precompresses them
 * (scripts/precompress.mjs). With --budget, exits 1 when a phone route (/login, /me…) is above it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Route path → its page module and the layout around it (relative to apps/web), from the `page(…)` calls of src/router.tsx. */
export function routesOf(routerSource) {
  const loaders = new Map();
  for (const m of routerSource.matchAll(/const (\w+) = \(\) => import\('\.\/([^']+)'\)/g)) {
    loaders.set(m[1], `src/${m[2]}`);
  }
  // Routes written after the admin shell's `page(…)` are its children and load it too.
  const shell = routerSource.search(/\.\.\.page\(\(\) => import\('\.\/layout\/AdminLayout\.tsx'\)/);
  const routes = new Map();
  const pattern = /path: '([^']+)',\s*\.\.\.page\(\s*(?:\(\) => import\('\.\/([^']+)'\)|(\w+))/g;
  for (const m of routerSource.matchAll(pattern)) {
    const module = m[2] ? `src/${m[2]}` : loaders.get(m[3]);
    if (!module) throw new Error(`router.tsx: no loader named ${m[3]}`);
    routes.set(m[1], shell >= 0 && m.index > shell ? [module, 'src/layout/AdminLayout.tsx'] : [module]);
  }
  return routes;
}

export const isPhoneRoute = (route) => route === '/login' || route === '/me' || route.startsWith('/me/');

/** Files (relative to dist) loaded up front by the given manifest keys: static imports and CSS. */
export function closure(manifest, keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

const sizeCache = new Map();
/** Raw, gzip and brotli bytes of a built file: its precompressed copies, or compressed here alike. */
export function sizes(dist, file) {
  let s = sizeCache.get(file);
  if (!s) {
    const full = path.join(dist, file);
    const body = fs.readFileSync(full);
    const copy = (ext, compress) =>
      fs.existsSync(full + ext) ? fs.statSync(full + ext).size : compress().length;
    s = {
      raw: body.length,
      gzip: copy('.gz', () => zlib.gzipSync(body, { level: 9 })),
      brotli: copy('.br', () =>
        zlib.brotliCompressSync(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
      ),
    };
    sizeCache.set(file, s);
  }
  return s;
}

/** One row per route: the files of a first visit and their summed sizes in bytes. */
export function measure(dist, routerSource, only = []) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
  // the app's entry (card.html, the public card pages' entry, loads none of the app)
  const entry = 'index.html';
  const routes = routesOf(routerSource);
  const wanted = only.length ? only : [...routes.keys()];
  return wanted.map((route) => {
    const modules = routes.get(route);
    if (!modules)
      throw new Error(`no route ${route} in src/router.tsx (known: ${[...routes.keys()].join(' ')})`);
    const files = ['index.html', ...closure(manifest, [entry, ...modules])];
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of files) {
      const s = sizes(dist, file);
      total.raw += s.raw;
      total.gzip += s.gzip;
      total.brotli += s.brotli;
    }
    return { route, module: modules[0], files: files.length, ...total };
  });
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dist: { type: 'string', default: path.join(webRoot, 'dist') },
      json: { type: 'boolean', default: false },
      budget: { type: 'string' },
    },
  });
  const routerSource = fs.readFileSync(path.join(webRoot, 'src/router.tsx'), 'utf8');
  const rows = measure(values.dist, routerSource, positionals);
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    const kB = (n) => (n / 1000).toFixed(1).padStart(8);
    console.log('first visit to          files      raw kB   gzip kB   brotli kB');
    for (const r of rows) {
      const mark = isPhoneRoute(r.route) ? ' (phone)' : '';
      console.log(
        `${(r.route + mark).padEnd(24)}${String(r.files).padStart(5)}  ${kB(r.raw)}  ${kB(r.gzip)}  ${kB(r.brotli)}`,
      );
    }
  }
  if (values.budget) {
    const over = rows.filter((r) => isPhoneRoute(r.route) && r.gzip > Number(values.budget) * 1000);
    for (const r of over)
      console.error(
        `${r.route}: ${(r.gzip / 1000).toFixed(1)} kB gzip, over the budget of ${values.budget} kB`,
      );
    if (over.length) process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
