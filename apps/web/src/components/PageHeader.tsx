import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useCurrentOrg } from '../layout/CurrentOrgContext.tsx';
import { useSignedIn } from '../session/SessionContext.tsx';
import { LinkButton } from './LinkButton.tsx';

/**
 * Page title, the current organization's path, and the page's buttons. Steps of the path inside
 * the caller's scope are clickable; those above it (e.g. 共青团中央 for a city admin) are plain text.
 */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { currentOrg, selectOrg } = useCurrentOrg();
  const { account } = useSignedIn();
  const path = currentOrg?.path ?? [];
  const scopeStart = Math.max(
    0,
    path.findIndex((p) => p.id === account.scopeOrgId),
  );
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {title}
        </Typography.Title>
        {path.length > 0 ? (
          <Breadcrumb
            style={{ marginTop: 4 }}
            items={path.map((p, i) => {
              if (i === path.length - 1)
                return { key: p.id, title: <span aria-current="page">{p.name}</span> };
              if (i < scopeStart) return { key: p.id, title: p.name };
              return {
                key: p.id,
                title: <LinkButton onClick={() => void selectOrg(p.id)}>{p.name}</LinkButton>,
              };
            })}
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
