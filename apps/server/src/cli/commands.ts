import fs from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import type { Platform } from '../platform/platform.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { RejectedError, UsageError } from './errors.ts';
import { formsCommand } from './forms.ts';
import { planCommand } from './plan.ts';
import { rotateKeyCommand } from './rotate-key.ts';

// Each command loads what it needs when it runs: `npx lianxin` with a usage error loads none of it.
const ledgerImport = () => import('../modules/ledger/ledger.import.ts');
const appErrors = () => import('../platform/errors.ts');

/** An AppError of a service as a rejection (exit 1); anything else as it is. */
async function asRejection(e: unknown): Promise<never> {
  const { AppError } = await appErrors();
  if (e instanceof AppError) throw new RejectedError(`${e.messageZh} / ${e.message}`);
  throw e;
}

export interface Invocation {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  actorName: string;
}

interface DatabaseCommand {
  summary: string;
  options: ParseArgsConfig['options'];
  database?: true;
  run(p: Platform, args: Invocation): Promise<unknown>;
}

/** A command on files alone: it neither opens nor locks the database. */
export interface FileCommand {
  summary: string;
  options: ParseArgsConfig['options'];
  database: false;
  run(args: Invocation): Promise<unknown>;
}

type Command = DatabaseCommand | FileCommand;

const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

export const commands: Record<string, Command> = {
  'seed-divisions': {
    summary:
      '为全国（或 --province 代码）每个省、地、县级行政区划建立团委 / seed League committees of all divisions',
    options: { province: { type: 'string' } },
    async run(p, { values, actorName }) {
      const province = text(values.province);
      if (province !== undefined && !/^\d{2}(0000)?$/.test(province))
        throw new UsageError('--province 应为 2 位或 6 位省级代码，如 61 / 610000');
      const { expectedDivisionCounts, seedDivisions } = await import(
        '../modules/divisions/divisions.service.ts'
      );
      const result = await seedDivisions(p, actorName, province).catch((e: Error) => {
        throw new RejectedError(e.message);
      });
      return { ...result, expected: province ? undefined : expectedDivisionCounts() };
    },
  },
  'create-admin': {
    summary: '建立系统管理员账号（首次登录须改密码、启用动态验证码） / create a system admin account',
    options: { username: { type: 'string' }, password: { type: 'string' } },
    async run(p, { values, actorName }) {
      const username = text(values.username);
      const password = text(values.password);
      if (!username || !password)
        throw new UsageError('需要 --username 和 --password / --username and --password are required');
      const { findAccountByUsername } = await import('../modules/accounts/accounts.repo.ts');
      const { assertAcceptablePassword, hashPassword } = await import('../platform/auth/passwords.ts');
      const { accounts } = await import('../platform/db/schema.ts');
      const { inTransaction } = await import('../platform/platform.ts');
      if (await findAccountByUsername(p.db, username))
        throw new RejectedError(`用户名 ${username} 已存在 / username taken`);
      try {
        await assertAcceptablePassword(password, username, []);
      } catch (e) {
        throw new RejectedError((e as { messageZh: string }).messageZh);
      }
      const id = crypto.randomUUID();
      const passwordHash = await hashPassword(password);
      await inTransaction(p, async (tx) => {
        await tx
          .insert(accounts)
          .values({ id, username, role: 'system_admin', passwordHash, mustChangePassword: true });
        await p.audit.append(tx, {
          actor: actorName,
          action: 'account.create',
          objectType: 'account',
          objectId: id,
          after: { username, role: 'system_admin' },
        });
      });
      return { id, username, role: 'system_admin' };
    },
  },
  import: {
    summary: '导入台账文件（lianxin-ledger/1，全部通过才写入） / import a ledger document, all or nothing',
    options: {},
    async run(p, { positionals, actorName }) {
      const [file] = positionals;
      if (!file || positionals.length > 1) throw new UsageError('用法 / usage: npx lianxin import FILE');
      let raw: unknown;
      try {
        raw = JSON.parse(await fs.promises.readFile(file, 'utf8'));
      } catch (e) {
        throw new RejectedError(`无法读取 JSON 文件 / cannot read ${file} as JSON: ${(e as Error).message}`);
      }
      const { importLedger, LedgerRejected, operatorActor, rejectionBody } = await ledgerImport();
      const { progressPrinter } = await import('../modules/ledger/ledger.progress.ts');
      try {
        return await importLedger(p, operatorActor(actorName), raw, {
          onProgress: progressPrinter(process.stderr),
        });
      } catch (e) {
        if (e instanceof LedgerRejected) throw new RejectedError(JSON.stringify(rejectionBody(e), null, 2));
        return asRejection(e);
      }
    },
  },
  export: {
    summary: '导出台账（--org 组织编号，默认全部） / export the ledger of an organization subtree',
    options: { org: { type: 'string' } },
    async run(p, { values, actorName }) {
      const { exportLedger } = await import('../modules/ledger/ledger.export.ts');
      const { operatorActor } = await ledgerImport();
      return exportLedger(p, operatorActor(actorName), text(values.org)).catch(asRejection);
    },
  },
  evaluate: {
    summary:
      '按规则评估合规情况（--year 年度，--as-of 评估日，--org 组织编号，默认全部） / evaluate compliance',
    options: { year: { type: 'string' }, 'as-of': { type: 'string' }, org: { type: 'string' } },
    async run(p, { values, positionals, actorName }) {
      const { ZComplianceQuery } = await import('@lianxin/contracts');
      const query = ZComplianceQuery.safeParse({
        year: text(values.year),
        asOf: text(values['as-of']),
        org: text(values.org),
      });
      if (!query.success || positionals.length > 0)
        throw new UsageError(
          '用法 / usage: npx lianxin evaluate --year YYYY [--as-of YYYY-MM-DD] [--org ID]',
        );
      const { evaluateCompliance } = await import('../modules/compliance/compliance.service.ts');
      const { operatorActor } = await ledgerImport();
      return evaluateCompliance(p, operatorActor(actorName), query.data).catch(asRejection);
    },
  },
  card: {
    summary:
      '打印团干部联系名片的完整地址（--on / --off 先开启或关闭） / print a cadre’s public card URL, switching it on or off first',
    options: { cadre: { type: 'string' }, on: { type: 'boolean' }, off: { type: 'boolean' } },
    async run(p, { values, positionals, actorName }) {
      const cadre = text(values.cadre);
      if (!cadre || positionals.length > 0 || (values.on && values.off))
        throw new UsageError('用法 / usage: npx lianxin card --cadre ID [--on | --off]');
      const { ensureCard } = await import('../modules/cards/cards.service.ts');
      const { operatorActor } = await ledgerImport();
      // the same service the cadre's own switch calls, as the local operator (decision 18)
      const enabled = values.on ? true : values.off ? false : undefined;
      const card = await ensureCard(p, operatorActor(actorName), { cadre }, enabled).catch(asRejection);
      return { cadre, url: card.url, enabled: card.enabled };
    },
  },
  plan: planCommand,
  forms: formsCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'rotate-key': rotateKeyCommand,
  'audit-verify': {
    summary: '用审计密钥校验审计日志哈希链是否完整 / verify the audit log HMAC chain with the audit key',
    options: {},
    async run(p) {
      const result = await p.audit.verify(p.db);
      if (result.brokenAt !== null)
        throw new RejectedError(
          `审计日志在第 ${result.brokenAt} 条被篡改或密钥不对 / chain broken at seq ${result.brokenAt} (or a wrong audit key)`,
        );
      return { ok: true, rows: result.rows };
    },
  },
};
