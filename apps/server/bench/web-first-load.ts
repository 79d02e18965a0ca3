/**
 * The web's first load (issue 12, the phone first): what a first visit to each cadre page downloads
 * before it is usable, gzip, against the 250 kB budget, read from the built app (`npm run build`)
 * by the same counting as `npm run -w @lianxin/web size` (apps/web/scripts/bundle-size.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../src/platform/config.ts';

const BUDGET_KB = 250;

interface RouteSize {
  route: string;
  gzip: number;
}

interface BundleSize {
  measure: (dist: string, routerSource: string) => RouteSize[];
  isPhoneRoute: (route: string) => boolean;
}

export async function benchWebFirstLoad() {
  const web = path.join(repoRoot, 'apps/web');
  const dist = path.join(web, 'dist');
  if (!fs.existsSync(path.join(dist, '.vite/manifest.json'))) {
    console.log('web         first load: no build in apps/web/dist (run npm run build first)');
    return;
  }
  const script = pathToFileURL(path.join(web, 'scripts/bundle-size.mjs')).href;
  const { measure, isPhoneRoute } = (await import(script)) as BundleSize;
  const router = fs.readFileSync(path.join(web, 'src/router.tsx'), 'utf8');
  for (const r of measure(dist, router).filter((row) => isPhoneRoute(row.route))) {
    const kB = r.gzip / 1000;
    console.log(
      `web         first visit to ${r.route.padEnd(17)} ${kB.toFixed(1).padStart(6)} kB gzip   budget ${BUDGET_KB} kB   ratio ${(kB / BUDGET_KB).toFixed(3)} (target ≤ 1)`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWebFirstLoad();
