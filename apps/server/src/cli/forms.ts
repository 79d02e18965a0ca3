import fs from 'node:fs';
import path from 'node:path';
import type { formsOfYear } from '../modules/forms/forms.year.ts';
import type { Platform } from '../platform/platform.ts';
import type { Invocation } from './commands.ts';
import { RejectedError, UsageError } from './errors.ts';

const USAGE = '用法 / usage: npx lianxin forms --year YYYY --org ID --out DIR';

/** `npx lianxin forms`: every form of an organization's year written into a folder. */
export const formsCommand = {
  summary:
    '生成组织年度全部表格（附表1、附表2、联系点登记表、管理员信息表、工作档案、台账） / write every form of a year',
  options: {
    year: { type: 'string' as const },
    org: { type: 'string' as const },
    out: { type: 'string' as const },
  },
  async run(p: Platform, { values, positionals, actorName }: Invocation) {
    const year = Number(values.year);
    const org = typeof values.org === 'string' ? values.org : '';
    const out = typeof values.out === 'string' ? values.out : '';
    if (!Number.isInteger(year) || year < 2000 || year > 2100 || !org || !out || positionals.length > 0)
      throw new UsageError(USAGE);
    const { formsOfYear } = await import('../modules/forms/forms.year.ts');
    const { operatorActor } = await import('../modules/ledger/ledger.import.ts');
    const { AppError } = await import('../platform/errors.ts');
    let files: Awaited<ReturnType<typeof formsOfYear>>;
    try {
      files = await formsOfYear(p, operatorActor(actorName), year, org);
    } catch (e) {
      if (e instanceof AppError) throw new RejectedError(`${e.messageZh} / ${e.message}`);
      throw e;
    }
    await fs.promises.mkdir(out, { recursive: true });
    for (const f of files) await fs.promises.writeFile(path.join(out, f.fileName), f.data);
    return { year, org, out, files: files.map((f) => f.fileName) };
  },
};
