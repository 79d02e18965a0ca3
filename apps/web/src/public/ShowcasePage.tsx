import type { TShowcase } from '@lianxin/contracts';
import { PublicLoad } from './PublicLoad.tsx';
import { publicApi } from './publicApi.ts';

/** 典型案例展示 of an organization (its subtree's published cases), for anyone, no login. */
export function ShowcasePage({ id }: { id: string }) {
  return (
    <PublicLoad key={id} load={() => publicApi.showcase(id)} title="典型案例 · 连心">
      {(showcase: TShowcase) => (
        <main className="pc pc-wide">
          <header className="pc-head">
            <p className="pc-kicker">{showcase.orgName}</p>
            <h1>典型案例</h1>
            <p className="pc-post">团干部直接联系青年工作中的好做法</p>
          </header>
          {showcase.items.length === 0 ? <p className="pc-box pc-muted">暂无发布的典型案例。</p> : null}
          {showcase.items.map((c) => (
            <article key={c.id} className="pc-box pc-case" data-testid="showcase-case">
              <h2>{c.title}</h2>
              <p className="pc-muted">
                {c.orgName} · {c.date}
              </p>
              <p className="pc-body">{c.body}</p>
            </article>
          ))}
        </main>
      )}
    </PublicLoad>
  );
}
