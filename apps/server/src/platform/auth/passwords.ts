import { passwordProblems } from '@lianxin/domain';
import { hash, verify } from '@node-rs/argon2';
import { badRequest } from '../errors.ts';

// argon2id with OWASP's minimum parameters (19 MiB, 2 passes): memory-hard, ~16 ms here.
const options = {
  algorithm: 2 /* Algorithm.Argon2id, a const enum */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const hashPassword = (password: string) => hash(password, options);

export const verifyPassword = (stored: string, password: string) =>
  verify(stored, password).catch(() => false);

/** Throws a 400 naming every policy problem; `history` holds the hashes of recent passwords. */
export async function assertAcceptablePassword(
  password: string,
  username: string,
  history: string[],
  field = 'password',
) {
  const problems = passwordProblems(password, { username });
  for (const old of history.slice(0, 3)) {
    if (await verifyPassword(old, password)) {
      problems.push({ zh: '不能与最近 3 次使用的密码相同', en: 'must differ from the last 3 passwords' });
      break;
    }
  }
  if (problems.length > 0) {
    throw badRequest(
      `Password rejected: ${problems.map((p) => p.en).join('; ')}`,
      `密码不符合要求：${problems.map((p) => p.zh).join('；')}`,
      problems.map((p) => ({ path: field, message: `${p.zh} / ${p.en}` })),
    );
  }
}
