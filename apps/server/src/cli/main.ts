import os from 'node:os';
import { parseArgs } from 'node:util';
import { FolderLockedError } from '../platform/db/lock.ts';
import type { Runtime } from '../platform/runtime.ts';
import { commands } from './commands.ts';
import { RejectedError, RejectedWithOutput, UsageError } from './errors.ts';

const usage = `用法 / usage: npx lianxin COMMAND [options]
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`)
  .join('\n')}`;

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name ? `未知命令 / unknown command: ${name}\n${usage}` : usage);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  let runtime: Runtime | undefined;
  // decision 18: the local operator acts as system admin and is audited as cli:<os user>
  const args = { values, positionals, actorName: `cli:${os.userInfo().username}` };
  try {
    let result: unknown;
    if (command.database === false) result = await command.run(args);
    else {
      const { openRuntime } = await import('../platform/runtime.ts');
      runtime = await openRuntime(`lianxin ${name}`);
      result = await command.run(runtime.platform, args);
    }
    console.log(JSON.stringify(result, null, 2));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n${usage}`);
      return 2;
    }
    // KeyStateError by name: importing its module would load the schema for a usage error
    const keyState = e instanceof Error && e.name === 'KeyStateError';
    if (e instanceof FolderLockedError || e instanceof RejectedError || keyState) {
      if (e instanceof RejectedWithOutput) console.log(JSON.stringify(e.output, null, 2));
      console.error((e as Error).message);
      return 1;
    }
    throw e;
  } finally {
    await runtime?.close();
  }
}

process.exitCode = await run(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  return 1;
});
