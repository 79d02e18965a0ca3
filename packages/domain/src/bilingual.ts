/** A message shown to people in Chinese and logged or sent to integrators in English. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** A bilingual message with a stable `code` that clients and tests match on; the wording may change. */
export interface Coded<Code extends string> extends Bilingual {
  readonly code: Code;
}
