/** Exit codes of docs/interchange.md: 0 success, 1 rejected input, 2 wrong usage. */
export class UsageError extends Error {}
export class RejectedError extends Error {}

/** Rejected, with a result still worth printing on stdout (the planner's best plan and its violations). */
export class RejectedWithOutput extends RejectedError {
  constructor(
    message: string,
    readonly output: unknown,
  ) {
    super(message);
  }
}
