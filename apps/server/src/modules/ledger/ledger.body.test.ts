import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { prefectureLedger } from '../../testing/prefecture-ledger.ts';
import { parseLedgerBodyInTurns } from './ledger.body.ts';

// A ledger body is parsed a record at a time (issue 12: other requests are served meanwhile): it
// must read exactly what JSON.parse reads, and refuse exactly what Fastify's own parser refuses.
function echo(inTurns: boolean) {
  const app = Fastify();
  if (inTurns) parseLedgerBodyInTurns(app);
  app.post('/', async (request) => ({ body: request.body }));
  return app;
}
const [inTurns, standard] = [echo(true), echo(false)];
afterAll(() => Promise.all([inTurns.close(), standard.close()]));

const post = (app: ReturnType<typeof echo>, payload: string) =>
  app.inject({ method: 'POST', url: '/', payload, headers: { 'content-type': 'application/json' } });

describe('a ledger body parsed in turns', () => {
  it('reads a document as JSON.parse does, records past several turns included', async () => {
    const doc = {
      ...prefectureLedger(3, 10),
      notes: Array.from({ length: 4_500 }, (_, i) => ({
        i,
        text: `第${i}条 "引号" \\ ] } , [ {`,
        n: -1.5e3,
      })),
      odd: [[], {}, [[1, [2]], { a: null }], true, false, null, 0, '', 'x'],
      flag: true,
      nothing: null,
    };
    for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 2)]) {
      const res = await post(inTurns, text);
      expect(res.statusCode).toBe(200);
      expect(res.json().body).toEqual(JSON.parse(text));
    }
  });

  it('answers what the standard parser answers to anything else', async () => {
    const bodies = [
      '{"a":[1,2,]}',
      '{"a":1}x',
      '{1:2}',
      '{"a":[1 2]}',
      '{"a":"unterminated}',
      '',
      '[1,2]',
      '"text"',
      '{"__proto__":{"admin":true}}',
      '{"\\u005f_proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
    ];
    for (const text of bodies) {
      const [ours, theirs] = await Promise.all([post(inTurns, text), post(standard, text)]);
      expect({ text, status: ours.statusCode, body: ours.json() }).toEqual({
        text,
        status: theirs.statusCode,
        body: theirs.json(),
      });
    }
  });
});
