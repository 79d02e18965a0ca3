import type { Bilingual } from './bilingual.ts';

// 等保 level 3 asks for complex passwords; the history of the last 3 is checked by the server
// against hashes, since only it holds them.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;
// Below this a username would forbid too much (a user "li" could never use "Olivia"); Windows
// applies the same threshold to its complexity rule.
const USERNAME_CHECK_MIN_LENGTH = 3;

export type PasswordProblemCode = 'too_short' | 'too_long' | 'too_few_classes' | 'contains_username';
/**
 * Fragments that read under a password field and after "密码不符合要求：" alike. `code` is optional
 * because the server appends problems of its own (password history) to the same list.
 */
export interface PasswordProblem extends Bilingual {
  readonly code?: PasswordProblemCode;
}

type CharClass = 'lower' | 'upper' | 'digit' | 'other';

// Unicode categories, so that É counts as upper case; 汉字, spaces and symbols count as "other".
function charClass(ch: string): CharClass {
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  return 'other';
}

/** Problems with a proposed password; an empty list means it is acceptable. */
export function passwordProblems(password: string, context: { username: string }): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  // Code points, not UTF-16 units: an emoji or a rare 汉字 is one character to the person typing it.
  const chars = Array.from(password);
  if (chars.length < PASSWORD_MIN_LENGTH) {
    problems.push({
      code: 'too_short',
      zh: `至少 ${PASSWORD_MIN_LENGTH} 个字符`,
      en: `must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    });
  }
  if (chars.length > PASSWORD_MAX_LENGTH) {
    problems.push({
      code: 'too_long',
      zh: `最多 ${PASSWORD_MAX_LENGTH} 个字符`,
      en: `must be at most ${PASSWORD_MAX_LENGTH} characters long`,
    });
  }
  if (new Set(chars.map(charClass)).size < PASSWORD_MIN_CLASSES) {
    problems.push({
      code: 'too_few_classes',
      zh: '须包含小写字母、大写字母、数字、其他字符中的至少三类',
      en: 'must mix at least three of: lower-case letters, upper-case letters, digits, other characters',
    });
  }
  const username = context.username.trim().toLowerCase();
  if (username.length >= USERNAME_CHECK_MIN_LENGTH && password.toLowerCase().includes(username)) {
    problems.push({
      code: 'contains_username',
      zh: '不能包含用户名',
      en: 'must not contain the username',
    });
  }
  return problems;
}
