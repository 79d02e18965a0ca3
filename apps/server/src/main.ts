// The server's start-up. The stop is wired first, before any other module is even loaded: a SIGTERM
// or SIGINT at any moment from here on ends the process cleanly (platform/shutdown.ts).
import { createLogger, logLevel } from './platform/logger.ts';
import { closeWithin, Shutdown, StopRequested } from './platform/shutdown.ts';

/** Requests in flight at a stop get this long to finish. */
const GRACE_MS = 10_000;

let log = createLogger('info');
try {
  log = createLogger(logLevel());
} catch (e) {
  log.fatal((e as Error).message);
  process.exit(1);
}
const shutdown = new Shutdown({
  info: (m) => log.info(m),
  warn: (m) => log.warn(m),
  error: (m) => log.error(m),
}).install();

/** Starts the server: PGlite under LIANXIN_DATA (locked to this process) or DATABASE_URL. */
async function main() {
  const { openRuntime } = await shutdown.step(import('./platform/runtime.ts'));
  const runtime = await shutdown.step(openRuntime('server', undefined, log));
  shutdown.onStop('database', () => runtime.close());
  const { platform: p, config } = runtime;

  const { buildApp } = await shutdown.step(import('./app.ts'));
  const app = await shutdown.step(buildApp(p, { logger: log }));
  shutdown.onStop('http server', () =>
    closeWithin(
      () => app.close(),
      () => app.server.closeAllConnections(),
      GRACE_MS,
      log,
    ),
  );

  // jobs a crashed process of this host left running are failed (nothing of them was written)
  const { failInterruptedImports } = await shutdown.step(import('./modules/ledger/ledger.jobs.ts'));
  await shutdown.step(failInterruptedImports(p));

  let demoAccounts: { username: string; password: string; role: string }[] = [];
  if (config.demo) {
    const { seedDemo } = await shutdown.step(import('./modules/demo/demo.service.ts'));
    demoAccounts = await shutdown.step(seedDemo(p));
  }
  if (p.dbKind === 'pglite') {
    const { installBackupRoute, scheduleBackups } = await shutdown.step(
      import('./modules/operations/backup.ts'),
    );
    const removeToken = installBackupRoute(app, runtime);
    shutdown.onStop('backup token', async () => removeToken());
    if (config.backupDir) {
      const schedule = scheduleBackups(runtime, config.backupDir, config.backupKeep, log);
      shutdown.onStop('scheduled backups', () => schedule.stop());
    }
  }
  await shutdown.step(app.listen({ port: config.port, host: config.host }));
  const url = `http://localhost:${config.port}`;
  log.info(
    { url, database: p.dbKind, dataDir: p.dbKind === 'pglite' ? config.dataDir : undefined },
    `连心 Lianxin 已启动 / listening: ${url}  (数据库 ${p.dbKind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'})`,
  );
  if (demoAccounts.length > 0) {
    // demo passwords are public by design (README): printed for the person trying it, not logged
    console.log('演示模式：以下演示账号密码公开，请勿录入真实数据 / demo accounts:');
    for (const a of demoAccounts) console.log(`  ${a.username.padEnd(14)} ${a.password}   ${a.role}`);
  }
}

main().catch(async (e) => {
  if (e instanceof StopRequested) return; // the stop under way closes what was opened and exits
  log.fatal({ err: e }, e instanceof Error ? e.message : String(e));
  await shutdown.stop().catch(() => {});
  process.exit(1);
});
