import {
  EditOutlined,
  FlagOutlined,
  LineChartOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { DraftBadge } from '../pages/worklog/DraftBadge.tsx';
import { useDraftSync } from '../pages/worklog/drafts.ts';
import { useSession } from '../session/SessionContext.tsx';
import { DemoBanner } from './DemoBanner.tsx';

export interface MobileNavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

/** The bottom navigation of the phone screens. */
export const MOBILE_NAV: MobileNavItem[] = [
  { to: '/me', label: '我的', icon: <UserOutlined /> },
  { to: '/me/progress', label: '进度', icon: <LineChartOutlined /> },
  { to: '/me/log', label: '记一笔', icon: <EditOutlined /> },
  { to: '/me/contacts', label: '联系青年', icon: <TeamOutlined /> },
  { to: '/me/postings', label: '下沉', icon: <FlagOutlined /> },
];

/** Phone-first frame for cadres: header with 草稿 and 退出, scrolling content, bottom navigation. */
export function MobileLayout({ children, nav = MOBILE_NAV }: { children: ReactNode; nav?: MobileNavItem[] }) {
  const { logout, session } = useSession();
  const accountId = session?.account.id ?? null;
  useDraftSync(accountId);
  return (
    <div className="lx-mobile">
      <DemoBanner />
      <header className="lx-mobile-header">
        <span className="lx-brand" style={{ fontSize: 18 }}>
          连心
        </span>
        <Flex align="center" gap={8}>
          {accountId ? <DraftBadge accountId={accountId} /> : null}
          <Button ghost size="small" icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出
          </Button>
        </Flex>
      </header>
      <main className="lx-mobile-content">{children}</main>
      <nav className="lx-mobile-nav" aria-label="底部导航">
        {nav.map((item) => (
          <NavLink key={item.to} to={item.to} end={item.to === '/me'}>
            {item.icon}
            <span>{item.label}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
