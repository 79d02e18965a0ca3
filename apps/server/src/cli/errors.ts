/** Exit codes of docs/interchange.md: 0 success, 1 rejected input, 2 wrong usage. */
export class UsageError extends Error {}
export class RejectedError extends Error {}
