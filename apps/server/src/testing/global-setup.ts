import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../platform/config.ts';
import { openPglite } from '../platform/db/client.ts';

export const templateFile = path.join(repoRoot, '.tmp/pglite-template.tar.gz');

/** Creating and migrating a PGlite cluster takes seconds: do it once, every test file loads the dump. */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const database = await openPglite(undefined);
  const dump = await database.pglite!.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(templateFile), { recursive: true });
  // Written aside and renamed: several test runs may share the repository at once.
  const partial = `${templateFile}.${process.pid}`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, templateFile);
  await database.close();
}
