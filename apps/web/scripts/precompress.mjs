/**
 * A vite plugin writing `file.gz` (gzip level 9) and `file.br` (brotli quality 11) beside every text
 * file of the build, so the server sends them as they are (@fastify/static `preCompressed`) instead
 * of compressing on each request or sending 1.8 MB uncompressed. A compressed copy no smaller than
 * the file is not written (the server then sends the file itself).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

async function filesUnder(dir) {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function compressFile(file) {
  const body = await fs.readFile(file);
  const [gz, br] = await Promise.all([
    gzip(body, { level: 9 }),
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  ]);
  if (gz.length < body.length) await fs.writeFile(`${file}.gz`, gz);
  if (br.length < body.length) await fs.writeFile(`${file}.br`, br);
}

/** Compresses every compressible file under `dir` (the manifest under .vite is left alone). */
export async function precompressDir(dir) {
  const files = (await filesUnder(dir)).filter(
    (f) => COMPRESSIBLE.test(f) && !f.includes(`${path.sep}.vite${path.sep}`),
  );
  await Promise.all(files.map(compressFile));
  return files.length;
}

/** @returns {import('vite').Plugin} */
export function precompress() {
  let outDir = 'dist';
  return {
    name: 'lianxin-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
