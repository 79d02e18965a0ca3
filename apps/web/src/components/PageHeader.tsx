import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LinkButton } from './LinkButton.tsx';
import { useCurrentOrg } from '../layout/CurrentOrgContext.tsx';

/** Page title, the current organization's path (each step clickable), and the page's buttons. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { currentOrg, selectOrg } = useCurrentOrg();
  const path = currentOrg?.path ?? [];
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {title}
        </Typography.Title>
        {path.length > 0 ? (
          <Breadcrumb
            style={{ marginTop: 4 }}
            items={path.map((p, i) =>
              i === path.length - 1
                ? { key: p.id, title: <span aria-current="page">{p.name}</span> }
                : { key: p.id, title: <LinkButton onClick={() => void selectOrg(p.id)}>{p.name}</LinkButton> },
            )}
          />
        ) : null}
      </div>
      {extra ? (
        <Flex wrap gap={8}>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
