import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pause, RECORDS_PER_TURN } from './ledger.progress.ts';

/**
 * The ledger document's JSON body parsed a record at a time, with a turn for other requests every
 * RECORDS_PER_TURN records: one JSON.parse of a 27 MB document holds every other request for
 * 0.6–0.9 s here, a streaming parser (stream-json) took 6.4 s in all. Only the document's shape,
 * an object of arrays and plain values, is read this way; anything else, and any text that could
 * spell a `__proto__` or `constructor` key, goes to Fastify's own parser, which answers as usual.
 */
export function parseLedgerBodyInTurns(app: FastifyInstance) {
  const standard = app.getDefaultJsonParser('error', 'error');
  const parseStandard = (request: FastifyRequest, text: string) =>
    new Promise<unknown>((resolve, reject) =>
      standard(request, text, (error, value) => (error ? reject(error) : resolve(value))),
    );
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    async (request: FastifyRequest, body: string | Buffer) => {
      const text = body.toString();
      if (/__proto__|constructor|\\u/.test(text)) return parseStandard(request, text);
      return (await inTurns(text)) ?? parseStandard(request, text);
    },
  );
}

/** The document, or undefined when its text is not an object of arrays and plain values. */
async function inTurns(text: string): Promise<Record<string, unknown> | undefined> {
  try {
    const doc: Record<string, unknown> = {};
    const scan = new Scanner(text);
    scan.expect('{');
    if (!scan.next('}')) {
      do {
        if (!scan.at('"')) return undefined;
        const key = scan.value() as string;
        scan.expect(':');
        doc[key] = scan.at('[') ? await scan.arrayInTurns() : scan.value();
      } while (scan.next(','));
      scan.expect('}');
    }
    return scan.atEnd() ? doc : undefined;
  } catch {
    return undefined;
  }
}

const isBlank = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** A cursor over JSON text that finds where each value ends and parses it alone. */
class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  /** True when the next character past any blanks is `c`. */
  at(c: string) {
    this.skipBlanks();
    return this.text[this.i] === c;
  }

  /** Consumes `c` when it is next. */
  next(c: string) {
    if (!this.at(c)) return false;
    this.i++;
    return true;
  }

  expect(c: string) {
    if (!this.next(c)) throw new SyntaxError(`expected ${c}`);
  }

  atEnd() {
    this.skipBlanks();
    return this.i === this.text.length;
  }

  value(): unknown {
    this.skipBlanks();
    const start = this.i;
    this.i = this.end(start);
    return JSON.parse(this.text.slice(start, this.i));
  }

  async arrayInTurns(): Promise<unknown[]> {
    this.expect('[');
    const list: unknown[] = [];
    if (this.next(']')) return list;
    do {
      list.push(this.value());
      if (list.length % RECORDS_PER_TURN === 0) await pause();
    } while (this.next(','));
    this.expect(']');
    return list;
  }

  private skipBlanks() {
    while (isBlank(this.text.charCodeAt(this.i))) this.i++;
  }

  /** Where the value starting at `from` ends: past its closing quote or bracket, or after its last character. */
  private end(from: number): number {
    const t = this.text;
    let depth = 0;
    for (let i = from; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x22 /* " */) {
        i++;
        while (i < t.length && t.charCodeAt(i) !== 0x22) i += t.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
        if (depth === 0) return i + 1;
      } else if (c === 0x7b || c === 0x5b /* { [ */) depth++;
      else if (c === 0x7d || c === 0x5d /* } ] */) {
        if (depth === 0) return i;
        if (--depth === 0) return i + 1;
      } else if (depth === 0 && (c === 0x2c /* , */ || isBlank(c))) return i;
    }
    return t.length;
  }
}
