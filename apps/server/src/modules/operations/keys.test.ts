import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { openRuntime } from '../../platform/runtime.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-keys-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the embedded database keys', () => {
  it('are generated at the paths given, outside the data folder, without a warning', async () => {
    const warnings: string[] = [];
    const config = loadConfig({
      LIANXIN_DATA: path.join(root, 'a'),
      LIANXIN_KEY_FILE: path.join(root, 'keys', 'secret.key'),
      LIANXIN_AUDIT_KEY_FILE: path.join(root, 'keys', 'audit.key'),
    });
    const runtime = await openRuntime('test', config, { warn: (m) => warnings.push(m) });
    await runtime.close();
    expect(fs.statSync(path.join(root, 'keys', 'secret.key')).mode & 0o077).toBe(0);
    expect(fs.existsSync(path.join(root, 'keys', 'audit.key'))).toBe(true);
    expect(fs.readdirSync(path.join(root, 'a')).filter((f) => f.endsWith('.key'))).toEqual([]);
    expect(warnings.some((w) => w.includes('beside the data'))).toBe(false);
  });

  it('warn loudly at every start while they sit beside the data', async () => {
    const config = loadConfig({ LIANXIN_DATA: path.join(root, 'b') });
    for (let start = 0; start < 2; start++) {
      const warnings: string[] = [];
      const runtime = await openRuntime('test', config, { warn: (m) => warnings.push(m) });
      await runtime.close();
      expect(warnings.filter((w) => w.startsWith('!!!') && w.includes('beside the data'))).toHaveLength(2);
    }
  });
});
