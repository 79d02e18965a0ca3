import { buildApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';
import { openRuntime } from '../../platform/runtime.ts';
import { TestClock, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

/** A server's platform on the database `env` configures (its keys too), with the app to send requests to. */
export async function openAsServer(env: Record<string, string>): Promise<TestContext> {
  const runtime = await openRuntime('test', loadConfig(env), { warn: () => {} });
  const app = await buildApp(runtime.platform);
  return {
    p: runtime.platform,
    app,
    clock: new TestClock(),
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

/** The shared world (cityWithTwoCounties) written into that database, then closed for servers to open. */
export async function seedWorld(env: Record<string, string>) {
  const ctx = await openAsServer(env);
  try {
    return await cityWithTwoCounties(ctx);
  } finally {
    await ctx.close();
  }
}
