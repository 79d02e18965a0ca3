#!/usr/bin/env node
// `npx lianxin COMMAND`: the compiled command line (dist/, written by `npm run build`), plain node.
// In a development checkout without a build, or with LIANXIN_FROM_SOURCE=1 (the tests set it, to run
// the sources they test), the TypeScript sources run through tsx instead.
import fs from 'node:fs';
import { register } from 'node:module';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (process.env.LIANXIN_FROM_SOURCE !== '1' && fs.existsSync(compiled)) {
  await import(compiled.href);
} else {
  // The workspace packages resolve to their sources (export condition `development`), not to dist/.
  register(
    'data:text/javascript,export function resolve(s,c,n){return n(s,{...c,conditions:[...c.conditions,"development"]})}',
  );
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import('../src/cli/main.ts');
}
