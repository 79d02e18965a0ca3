import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useSession } from '../session/SessionContext.tsx';
import { DemoBanner } from './DemoBanner.tsx';

export interface MobileNavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

/** The bottom navigation of the phone screens; later issues add 我的进度, 快速录入 … here. */
export const MOBILE_NAV: MobileNavItem[] = [{ to: '/me', label: '我的', icon: <UserOutlined /> }];

/** Phone-first frame for cadres: header with 退出, scrolling content, bottom navigation. */
export function MobileLayout({ children, nav = MOBILE_NAV }: { children: ReactNode; nav?: MobileNavItem[] }) {
  const { logout } = useSession();
  return (
    <div className="lx-mobile">
      <DemoBanner />
      <header className="lx-mobile-header">
        <span className="lx-brand" style={{ fontSize: 18 }}>
          连心
        </span>
        <Button ghost size="small" icon={<LogoutOutlined />} onClick={() => void logout()}>
          退出
        </Button>
      </header>
      <main className="lx-mobile-content">{children}</main>
      <nav className="lx-mobile-nav" aria-label="底部导航">
        {nav.map((item) => (
          <NavLink key={item.to} to={item.to} end>
            {item.icon}
            <span>{item.label}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
