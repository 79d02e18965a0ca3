/**
 * A clean stop on SIGTERM or SIGINT: what `docker stop`, systemd and Ctrl-C send. Installed before
 * anything is opened; the start-up registers what to close as it opens it, and a stop asked for
 * during the start-up waits for the step under way (a migration is not cut in the middle) and then
 * closes what is open. A second signal exits at once.
 */
export interface StopLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/** Thrown out of `Shutdown.step` when a stop was asked for: the start-up ends there, quietly. */
export class StopRequested extends Error {
  constructor() {
    super('stop requested during start-up');
  }
}

/**
 * A repeat of the signal sooner than this is the same request: Ctrl-C under `npm start` reaches the
 * server twice, once from the terminal (the whole process group) and once forwarded by npm.
 */
const SAME_REQUEST_MS = 1000;

export class Shutdown {
  private readonly closers: { name: string; close: () => Promise<void> }[] = [];
  private inFlight: Promise<unknown> = Promise.resolve();
  private firstSignalAt = 0;
  private stopping: Promise<void> | null = null;
  /** Whether a stop was asked for. */
  requested = false;

  constructor(
    private readonly log: StopLog,
    private readonly exit: (code: number) => never = (code) => process.exit(code),
    /** the longest the whole stop may take before the process exits anyway */
    private readonly hardLimitMs = 20_000,
  ) {}

  /** Listens to SIGTERM and SIGINT. Call it on the first line of the start-up. */
  install(): this {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => this.signal(signal));
    return this;
  }

  /** Something to close at the stop; closed in the reverse order of registration. */
  onStop(name: string, close: () => Promise<void>) {
    this.closers.push({ name, close });
  }

  /**
   * Runs one start-up step. A stop asked for meanwhile waits for it, and the step then throws
   * StopRequested instead of returning, so that the start-up goes no further.
   */
  async step<T>(work: Promise<T>): Promise<T> {
    if (this.requested) throw new StopRequested();
    this.inFlight = work.catch(() => {});
    const value = await work;
    if (this.requested) throw new StopRequested();
    return value;
  }

  signal(name: string) {
    const now = Date.now();
    if (this.requested) {
      if (now - this.firstSignalAt < SAME_REQUEST_MS) return;
      this.log.warn(`${name} again: exiting at once / 再次收到 ${name}，立即退出`);
      this.exit(name === 'SIGINT' ? 130 : 143);
    }
    this.requested = true;
    this.firstSignalAt = now;
    this.log.info(`${name}: stopping / 收到 ${name}，正在停止`);
    void this.stop().then(
      () => this.exit(0),
      (e) => {
        this.log.error(`stop failed / 停止时出错: ${e instanceof Error ? e.stack : e}`);
        this.exit(1);
      },
    );
  }

  /** Waits for the step under way, then closes everything registered, last opened first. */
  stop(): Promise<void> {
    this.requested = true;
    this.stopping ??= (async () => {
      const limit = setTimeout(() => {
        this.log.error(
          `not stopped after ${this.hardLimitMs / 1000} s: exiting / ${this.hardLimitMs / 1000} 秒内未能停止，强制退出`,
        );
        this.exit(1);
      }, this.hardLimitMs);
      limit.unref();
      await this.inFlight;
      let failed: unknown = null;
      for (const { name, close } of this.closers.splice(0).reverse()) {
        try {
          await close();
        } catch (e) {
          this.log.error(`closing ${name} failed: ${e instanceof Error ? e.message : e}`);
          failed ??= e;
        }
      }
      clearTimeout(limit);
      if (failed) throw failed;
    })();
    return this.stopping;
  }
}

/**
 * Closes an HTTP app: no new connections, requests in flight finish within `graceMs`, then the
 * connections still open are cut.
 */
export async function closeWithin(
  close: () => Promise<void>,
  cut: () => void,
  graceMs: number,
  log: StopLog,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const closing = close();
  const outcome = await Promise.race([closing.then(() => 'closed' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    log.warn(
      `requests still running after ${graceMs / 1000} s: closing their connections / 请求超时未完成，断开连接`,
    );
    cut();
    await closing;
  }
}
