import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema.ts';
import { docxText, inkShare, renderPdf } from '../../testing/documents.ts';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof cityWithTwoCounties>>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-fact-book-'));

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Book = {
  editable: boolean;
  sections: { section: string; current: { text: string } | null; history: { text: string }[] }[];
};
const section = (book: Book, name: string) => book.sections.find((s) => s.section === name);

describe('明白帐 of a point', () => {
  let successor: string;

  it('the holder writes sections over the tenure, each change kept as history', async () => {
    const { cadreA1 } = world.clients;
    const empty = await cadreA1.get('/api/v1/contact-points/pA1/fact-book');
    expect(empty.statusCode).toBe(200);
    expect(empty.json().editable).toBe(true);
    expect(empty.json().sections).toHaveLength(8);
    for (const [name, text] of [
      ['situation', '全镇青年约 3200 人，外出务工占六成'],
      ['situation', '全镇青年约 3400 人，外出务工占六成，返乡创业青年 40 余人'],
      ['support_funds', '镇党委每年安排团建经费 2 万元'],
    ]) {
      const res = await cadreA1.put('/api/v1/contact-points/pA1/fact-book', { section: name, text });
      expect(res.statusCode, res.body).toBe(200);
    }
    const book = (await cadreA1.get('/api/v1/contact-points/pA1/fact-book')).json() as Book;
    expect(section(book, 'situation')?.current?.text).toContain('3400');
    expect(section(book, 'situation')?.history.map((h) => h.text)).toEqual([
      '全镇青年约 3200 人，外出务工占六成',
    ]);
    expect(section(book, 'support_funds')?.current?.text).toContain('2 万元');
    expect(section(book, 'members')?.current).toBeNull();
    // the audit row carries the size, not the words
    const rows = (await ctx.p.db.select().from(auditLog)).filter((r) => r.action === 'fact_book.update');
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain('外出务工');
  });

  it('others neither write nor read it; an empty section is a 400 naming the field', async () => {
    const { cadreA2, cadreB, leaderA, cadreA1 } = world.clients;
    const body = { section: 'members', text: '团员 210 名' };
    expect((await cadreA2.put('/api/v1/contact-points/pA1/fact-book', body)).statusCode).toBe(403);
    expect((await cadreB.get('/api/v1/contact-points/pA1/fact-book')).statusCode).toBe(403);
    // a leader reads the county's points but keeps no account
    const read = await leaderA.get('/api/v1/contact-points/pA1/fact-book');
    expect(read.json().editable).toBe(false);
    expect((await leaderA.put('/api/v1/contact-points/pA1/fact-book', body)).statusCode).toBe(403);
    const bad = await cadreA1.put('/api/v1/contact-points/pA1/fact-book', { section: 'members', text: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('text');
    const unknown = await cadreA1.put('/api/v1/contact-points/pA1/fact-book', {
      section: 'weather',
      text: 'x',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('section');
  });

  it('passes to the successor with the records: they read it and go on; the predecessor no longer writes', async () => {
    const { adminA, cadreA1, cadreA2 } = world.clients;
    const rotated = await adminA.post('/api/v1/contact-points/pA1/rotate', {
      successorCadreId: world.cadres.A2,
      on: '2026-03-01',
      handoverNote: '明白帐已更新到二月底',
    });
    expect(rotated.statusCode, rotated.body).toBe(201);
    successor = rotated.json().successor.id;
    const inherited = (await cadreA2.get(`/api/v1/contact-points/${successor}/fact-book`)).json() as Book;
    expect(section(inherited, 'situation')?.current?.text).toContain('3400');
    expect(section(inherited, 'situation')?.history).toHaveLength(1);
    const added = await cadreA2.put(`/api/v1/contact-points/${successor}/fact-book`, {
      section: 'members',
      text: '团员 210 名，专职团干部 2 名',
    });
    expect(added.statusCode).toBe(200);
    expect(
      (await cadreA1.put('/api/v1/contact-points/pA1/fact-book', { section: 'members', text: '补记' }))
        .statusCode,
    ).toBe(403);
    // the predecessor keeps their own tenure's account, not what the successor wrote after
    const own = (await cadreA1.get('/api/v1/contact-points/pA1/fact-book')).json() as Book;
    expect(own.editable).toBe(false);
    expect(section(own, 'members')?.current).toBeNull();
  });

  it('is printed in the handover archive, which renders with a CJK font', async () => {
    const res = await world.clients.cadreA2.get(`/api/v1/forms/point-ledger/${successor}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const text = docxText(tmp, res.rawPayload);
    expect(text).toContain('二、明白帐');
    expect(text).toContain('争取支持：资金');
    expect(text).toContain('镇党委每年安排团建经费 2 万元');
    expect(text).toContain('团员 210 名，专职团干部 2 名');
    expect(text).toContain('甲一 更新，此前修改 1 次');
    expect(text).toContain('明白帐已更新到二月底');
    const docx = path.join(tmp, 'handover.docx');
    fs.writeFileSync(docx, res.rawPayload);
    const pdf = renderPdf(tmp, docx);
    expect(execFileSync('pdffonts', [pdf]).toString()).toMatch(/CJK/);
    expect(execFileSync('pdftotext', ['-layout', pdf, '-']).toString()).toContain('当地基本情况');
    expect(inkShare(tmp, pdf)).toBeGreaterThan(0.01);
    if (process.env.LIANXIN_KEEP_PRINTS)
      fs.copyFileSync(pdf, path.join(process.env.LIANXIN_KEEP_PRINTS, 'handover.pdf'));
  }, 120_000);
});
