import { buildApp } from './app.ts';
import { seedDemo } from './modules/demo/demo.service.ts';
import { openRuntime } from './platform/runtime.ts';

/** Starts the server: PGlite under LIANXIN_DATA (locked to this process) or DATABASE_URL. */
async function main() {
  const runtime = await openRuntime('server');
  const { platform: p, config } = runtime;
  const app = await buildApp(p, { logger: process.env.LIANXIN_LOG === '1' });
  let demoAccounts: { username: string; password: string; role: string }[] = [];
  if (config.demo) demoAccounts = await seedDemo(p);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(
    `连心 Lianxin 已启动 / listening: ${url}  (数据库 ${p.dbKind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'})`,
  );
  if (demoAccounts.length > 0) {
    console.log('演示模式：以下演示账号密码公开，请勿录入真实数据 / demo accounts:');
    for (const a of demoAccounts) console.log(`  ${a.username.padEnd(14)} ${a.password}   ${a.role}`);
  }
  const stop = async () => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
