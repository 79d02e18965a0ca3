import type { ReactNode } from 'react';
import { Panel, ScreenHeading, Txt } from '../../components/plain.tsx';
import { DemoBanner } from '../../layout/DemoBanner.tsx';

/** The centered card of the sign-in and forced-flow screens, under the product name. */
export function AuthCard({
  title,
  children,
  extra,
}: {
  title?: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <>
      <DemoBanner />
      <main className="lx-auth-page">
        <Panel
          className="lx-auth-card"
          style={{ border: 'none', boxShadow: '0 6px 24px rgba(0,0,0,0.08)' }}
          bodyStyle={{ padding: 24 }}
        >
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <ScreenHeading style={{ margin: 0, color: '#c41d1d', letterSpacing: 8, fontSize: 36 }}>
              连心
            </ScreenHeading>
            <Txt type="secondary">团干部直接联系青年工作平台</Txt>
            {title ? (
              <ScreenHeading level={2} style={{ fontSize: 18, marginTop: 20, marginBottom: 0 }}>
                {title}
              </ScreenHeading>
            ) : null}
          </div>
          {children}
          {extra ? <div style={{ textAlign: 'center', marginTop: 8 }}>{extra}</div> : null}
        </Panel>
      </main>
    </>
  );
}
