import type { TCardMessageFollow, TPublicCard } from '@lianxin/contracts';
import { type FormEvent, useState } from 'react';
import { PublicLoad } from './PublicLoad.tsx';
import { publicApi, say } from './publicApi.ts';

const statusZh: Record<TCardMessageFollow['status'], string> = {
  open: '已收到，待处理',
  in_progress: '正在处理',
  resolved: '已解决',
  escalated: '已上报上级',
};

/** 联系名片 as a youth sees it on a phone: who the cadre is, a message box, the reply by code. */
export function CardPage({ token }: { token: string }) {
  return (
    <PublicLoad key={token} load={() => publicApi.card(token)}>
      {(card: TPublicCard) => (
        <main className="pc">
          <CardHeader card={card} />
          <LeaveMessage token={token} />
          <FollowMessage token={token} />
        </main>
      )}
    </PublicLoad>
  );
}

function CardHeader({ card }: { card: TPublicCard }) {
  const rows: [string, string | undefined][] = [
    ['单位', card.org],
    ['联系点', card.points?.join('、')],
    ['联系时间', card.hours],
    ['微信', card.wechat],
  ];
  return (
    <header className="pc-head">
      <p className="pc-kicker">团干部联系青年 · 联系名片</p>
      <h1>{card.name ?? '联系我们'}</h1>
      {card.post ? <p className="pc-post">{card.post}</p> : null}
      <dl>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        {card.workPhone ? (
          <div>
            <dt>工作电话</dt>
            <dd>
              <a href={`tel:${card.workPhone.replace(/[^\d+]/g, '')}`}>{card.workPhone}</a>
            </dd>
          </div>
        ) : null}
      </dl>
    </header>
  );
}

function LeaveMessage({ token }: { token: string }) {
  const [kind, setKind] = useState<'message' | 'problem'>('problem');
  const [text, setText] = useState('');
  const [caller, setCaller] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { kind, text, ...(caller.trim() ? { caller } : {}), ...(phone.trim() ? { phone } : {}) };
      setCode((await publicApi.leave(token, body)).code);
      setText('');
    } catch (err) {
      setError(say(err));
    } finally {
      setBusy(false);
    }
  }

  if (code)
    return (
      <section className="pc-box" aria-live="polite">
        <h2>已送达</h2>
        <p>请记下您的查询码，稍后在本页凭码查看回复：</p>
        <p className="pc-code" data-testid="card-code">
          {code}
        </p>
        <button type="button" className="pc-link" onClick={() => setCode(null)}>
          再写一条
        </button>
      </section>
    );
  return (
    <section className="pc-box">
      <h2>给我留言 · 反映问题</h2>
      <form onSubmit={submit}>
        <div className="pc-kinds" role="radiogroup" aria-label="类型">
          {(
            [
              ['problem', '反映问题'],
              ['message', '留言'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className={kind === value ? 'on' : ''}>
              <input type="radio" name="kind" checked={kind === value} onChange={() => setKind(value)} />
              {label}
            </label>
          ))}
        </div>
        <label className="pc-field">
          内容
          <textarea
            value={text}
            maxLength={1000}
            rows={5}
            required
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label className="pc-field">
          称呼（可不填）
          <input value={caller} maxLength={20} onChange={(e) => setCaller(e.target.value)} />
        </label>
        <label className="pc-field">
          手机号（可不填，仅团干部可见）
          <input value={phone} inputMode="tel" maxLength={16} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <p className="pc-muted">不需要填写身份证号。</p>
        {error ? (
          <p className="pc-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="pc-primary" disabled={busy || !text.trim()}>
          {busy ? '正在发送…' : '发送'}
        </button>
      </form>
    </section>
  );
}

function FollowMessage({ token }: { token: string }) {
  const [code, setCode] = useState('');
  const [found, setFound] = useState<TCardMessageFollow | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setFound(await publicApi.follow(token, code.trim()));
    } catch (err) {
      setFound(null);
      setError(say(err));
    }
  }

  return (
    <section className="pc-box">
      <h2>凭查询码查看回复</h2>
      <form onSubmit={submit} className="pc-row">
        <input
          aria-label="查询码"
          value={code}
          maxLength={8}
          autoCapitalize="characters"
          placeholder="8 位查询码"
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="pc-primary" disabled={code.trim().length !== 8}>
          查看
        </button>
      </form>
      {error ? (
        <p className="pc-error" role="alert">
          {error}
        </p>
      ) : null}
      {found ? (
        <div className="pc-thread" data-testid="card-thread">
          <p className="pc-muted">
            {found.createdOn} · {statusZh[found.status]}
          </p>
          <p className="pc-mine">{found.text}</p>
          {found.reply ? (
            <p className="pc-reply">
              <strong>回复（{found.repliedOn}）：</strong>
              {found.reply}
            </p>
          ) : (
            <p className="pc-muted">暂未回复，请稍后再来查看。</p>
          )}
          {found.reply && !found.rated ? (
            <RateContact
              token={token}
              code={code.trim()}
              onDone={() => setFound({ ...found, rated: true })}
            />
          ) : null}
          {found.rated ? <p className="pc-muted">感谢您的评价。</p> : null}
        </div>
      ) : null}
    </section>
  );
}

/** 满意度: 1–5 and a line, once per message. */
function RateContact({ token, code, onDone }: { token: string; code: string; onDone: () => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await publicApi.rate(token, { score, code, ...(comment.trim() ? { comment } : {}) });
      onDone();
    } catch (err) {
      setError(say(err));
    }
  }

  return (
    <form onSubmit={submit} className="pc-rate">
      <p>这次联系您满意吗？</p>
      <fieldset className="pc-stars" aria-label="满意度">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            aria-pressed={score === n}
            aria-label={`${n} 分`}
            className={n <= score ? 'on' : ''}
            onClick={() => setScore(n)}
          >
            ★
          </button>
        ))}
      </fieldset>
      <input
        aria-label="一句话评价"
        placeholder="一句话评价（可不填）"
        maxLength={100}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {error ? (
        <p className="pc-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="pc-primary" disabled={score === 0}>
        提交评价
      </button>
    </form>
  );
}
