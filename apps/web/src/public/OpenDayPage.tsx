import type { TPublicOpenDay } from '@lianxin/contracts';
import { type FormEvent, useState } from 'react';
import { PublicLoad } from './PublicLoad.tsx';
import { publicApi, say } from './publicApi.ts';

/** 专题开放日 as a youth sees it from the link: the announcement and the sign-up form. */
export function OpenDayPage({ id }: { id: string }) {
  return (
    <PublicLoad key={id} load={() => publicApi.openDay(id)} title="专题开放日报名 · 连心">
      {(day: TPublicOpenDay) => (
        <main className="pc">
          <header className="pc-head">
            <p className="pc-kicker">{day.orgName} · 专题开放日</p>
            <h1>{day.theme}</h1>
            <dl>
              <div>
                <dt>时间</dt>
                <dd>{day.heldOn}</dd>
              </div>
              <div>
                <dt>地点</dt>
                <dd>{day.place}</dd>
              </div>
            </dl>
          </header>
          <SignUp id={id} />
        </main>
      )}
    </PublicLoad>
  );
}

function SignUp({ id }: { id: string }) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [unit, setUnit] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await publicApi.signUp(id, { name, phone: phone.trim(), unit, consent });
      setDone(true);
    } catch (err) {
      setError(say(err));
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <section className="pc-box" aria-live="polite">
        <h2>报名成功</h2>
        <p>活动当天请到现场，凭姓名签到。</p>
      </section>
    );
  return (
    <section className="pc-box">
      <h2>我要报名</h2>
      <form onSubmit={submit}>
        <label className="pc-field">
          姓名
          <input
            value={name}
            maxLength={30}
            required
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="pc-field">
          手机号
          <input
            value={phone}
            inputMode="tel"
            maxLength={16}
            required
            autoComplete="tel"
            onChange={(e) => setPhone(e.target.value)}
          />
        </label>
        <label className="pc-field">
          单位或学校
          <input value={unit} maxLength={60} required onChange={(e) => setUnit(e.target.value)} />
        </label>
        <label className="pc-check">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
          同意团干部今后与我保持联系（可不勾选）
        </label>
        <p className="pc-muted">不需要填写身份证号；手机号仅主办团委可见，并加密保存。</p>
        {error ? (
          <p className="pc-error" role="alert">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="pc-primary"
          disabled={busy || !name.trim() || !phone.trim() || !unit.trim()}
        >
          {busy ? '正在提交…' : '报名'}
        </button>
      </form>
    </section>
  );
}
