/** The server's notion of now; tests move it (lockout windows, idle sessions). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Today's date in China time, YYYY-MM-DD (the interchange's dates are China dates). */
export function chinaToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
