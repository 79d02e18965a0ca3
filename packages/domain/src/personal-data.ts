// Masking and checks for 手机号 and 公民身份号码. Masked text is what everyone but the keepers of a
// contact sees (decision 14) and what the audit log stores beside a keyed hash (decision 16).

/** Strips spaces, dashes and a leading +86 / 0086, so that imports match people by mobile number. */
export function normalizeMobile(input: string): string {
  const compact = input.replace(/[\s\-‐‑–—－]/g, '');
  return compact.replace(/^(?:\+86|0086)/, '');
}

/** `13812341234` → `138****1234`. Anything shorter keeps at most half of itself, the tail. */
export function maskMobile(input: string): string {
  const mobile = normalizeMobile(input);
  if (mobile.length >= 11) return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`;
  return maskTail(mobile);
}

/** `610302199001011234` → `610302********1234`: the region stays, the date of birth goes. */
export function maskIdNumber(input: string): string {
  const id = input.trim().toUpperCase();
  if (id.length >= 15) return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
  return maskTail(id);
}

function maskTail(value: string): string {
  const keep = Math.min(4, Math.floor(value.length / 2));
  return '*'.repeat(value.length - keep) + value.slice(value.length - keep);
}

/** Trims and upper-cases the check character, which people often type as a lower-case x. */
export function normalizeIdNumber(input: string): string {
  return input.trim().toUpperCase();
}

// GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('Expected the first 17 digits of an ID number');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * An 18-character 公民身份号码 with a correct check character and a real date of birth. The
 * package has no clock: pass `asOf` (YYYY-MM-DD) to reject births in the future. Old 15-digit
 * numbers carry no check character and are not accepted.
 */
export function isValidIdNumber(input: string, options: { asOf?: string } = {}): boolean {
  const id = input.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return false;
  const birth = id.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  // The standard's own example is born in 1880; earlier years are typing errors, and Date.UTC would
  // read years below 100 as 19xx.
  if (year < 1800 || !isRealDate(year, Number(birth.slice(4, 6)), Number(birth.slice(6, 8)))) return false;
  if (options.asOf !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
      throw new Error(`asOf must be YYYY-MM-DD: ${options.asOf}`);
    if (birth > options.asOf.replaceAll('-', '')) return false;
  }
  return true;
}
