import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

const codes = (password: string, username = 'zhangsan') =>
  passwordProblems(password, { username }).map((p) => p.code);

describe('passwordProblems', () => {
  it('accepts exactly 8 characters from exactly 3 classes', () => {
    expect(codes('abcdEF12')).toEqual([]);
    expect(codes('abcdef1!')).toEqual([]);
  });

  it('refuses 7 characters', () => {
    expect(codes('abcEF12')).toEqual(['too_short']);
  });

  it('refuses 2 classes however long', () => {
    expect(codes('abcdefgh12345678')).toEqual(['too_few_classes']);
    expect(codes('ABCDEFGH!!!!')).toEqual(['too_few_classes']);
  });

  it('counts characters, not UTF-16 units', () => {
    // 4 emoji are 8 UTF-16 units but 4 characters.
    expect(codes('😀😀😀a')).toContain('too_short');
    expect(codes('团委Ab12团委')).toEqual([]);
  });

  it('accepts 128 characters and refuses 129', () => {
    const base = 'Ab1!'.repeat(32);
    expect(codes(base)).toEqual([]);
    expect(codes(`${base}x`)).toEqual(['too_long']);
  });

  it('refuses the username anywhere, in any case', () => {
    expect(codes('xx-ZhangSan-99')).toEqual(['contains_username']);
    expect(codes('Zhang-San-99')).toEqual([]);
  });

  it('ignores usernames too short to be meaningful', () => {
    expect(codes('Olivia-2024', 'li')).toEqual([]);
  });

  it('reports every problem with both languages', () => {
    const problems = passwordProblems('zhangsan', { username: 'zhangsan' });
    expect(problems.map((p) => p.code)).toEqual(['too_few_classes', 'contains_username']);
    for (const p of problems) {
      expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.en).toMatch(/^must/);
    }
  });
});
