import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
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
        <Card
          className="lx-auth-card"
          variant="borderless"
          style={{ boxShadow: '0 6px 24px rgba(0,0,0,0.08)' }}
        >
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <Typography.Title
              level={1}
              style={{ margin: 0, color: '#c41d1d', letterSpacing: 8, fontSize: 36 }}
            >
              连心
            </Typography.Title>
            <Typography.Text type="secondary">团干部直接联系青年工作平台</Typography.Text>
            {title ? (
              <Typography.Title level={2} style={{ fontSize: 18, marginTop: 20, marginBottom: 0 }}>
                {title}
              </Typography.Title>
            ) : null}
          </div>
          {children}
          {extra ? <div style={{ textAlign: 'center', marginTop: 8 }}>{extra}</div> : null}
        </Card>
      </main>
    </>
  );
}
