import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  NotificationOutlined,
  TeamOutlined,
  TrophyOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { roleLabels } from '@lianxin/contracts';
import { Button, Divider, Flex, Layout, Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { canEdit, useSession, useSignedIn } from '../session/SessionContext.tsx';
import { CurrentOrgProvider, useCurrentOrg } from './CurrentOrgContext.tsx';
import { DemoBanner } from './DemoBanner.tsx';
import { OrgTree } from './OrgTree.tsx';

const { Header, Sider, Content } = Layout;

/** The admin screens (every role but cadre): header, left column with menu and tree, page. */
export function AdminLayout() {
  return (
    <CurrentOrgProvider>
      <AdminShell />
    </CurrentOrgProvider>
  );
}

function AdminShell() {
  const session = useSignedIn();
  const { currentOrg } = useCurrentOrg();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [narrow, setNarrow] = useState(false);
  const role = session.account.role;

  // On a phone the column overlays the page: close it once an organization is chosen.
  const currentId = currentOrg?.id;
  useEffect(() => {
    if (currentId && narrow) setCollapsed(true);
  }, [currentId, narrow]);
  const editor = canEdit(role);

  const items: MenuProps['items'] = [
    { key: '/home', icon: <HomeOutlined />, label: '工作台' },
    { key: '/orgs', icon: <ApartmentOutlined />, label: '组织管理' },
    { key: '/people', icon: <TeamOutlined />, label: '团干部' },
    { key: '/points', icon: <EnvironmentOutlined />, label: '联系点' },
    { key: '/problems', icon: <AlertOutlined />, label: '问题清单' },
    { key: '/compliance', icon: <BarChartOutlined />, label: '达标看板' },
    { key: '/bulletins', icon: <NotificationOutlined />, label: '通报' },
    { key: '/annual', icon: <AuditOutlined />, label: '年度考核' },
    { key: '/postings', icon: <FlagOutlined />, label: '下沉基层' },
    { key: '/postings/four-plus-one', icon: <CalendarOutlined />, label: '“4+1”' },
    { key: '/open-days', icon: <CarryOutOutlined />, label: '专题开放日' },
    { key: '/cases', icon: <TrophyOutlined />, label: '典型案例' },
    ...(editor
      ? [
          { key: '/accounts', icon: <IdcardOutlined />, label: '账号管理' },
          { key: '/import', icon: <UploadOutlined />, label: '批量导入' },
        ]
      : []),
    ...(role === 'system_admin' ? [{ key: '/audit', icon: <FileSearchOutlined />, label: '操作日志' }] : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <DemoBanner />
      <Header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '0 16px' }}>
        {narrow ? (
          <Button
            type="text"
            aria-label={collapsed ? '展开菜单' : '收起菜单'}
            aria-expanded={!collapsed}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((c) => !c)}
            style={{ color: '#fff' }}
          />
        ) : null}
        <Link to="/orgs" className="lx-brand">
          连心<small>团干部直接联系青年工作平台</small>
        </Link>
        <Flex align="center" gap={12} style={{ marginLeft: 'auto', minWidth: 0 }}>
          <span className="lx-header-user" title={session.account.scopeOrgName ?? undefined}>
            {session.account.username} · {roleLabels[role]}
          </span>
          <Link to="/change-password" style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }}>
            修改密码
          </Link>
          <Button ghost size="small" icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出
          </Button>
        </Flex>
      </Header>
      <Layout style={{ position: 'relative' }}>
        <Sider
          width={280}
          theme="light"
          breakpoint="md"
          collapsedWidth={0}
          collapsed={collapsed}
          trigger={null}
          onBreakpoint={(broken) => {
            setNarrow(broken);
            setCollapsed(broken);
          }}
          style={
            narrow
              ? {
                  position: 'absolute',
                  zIndex: 20,
                  height: '100%',
                  overflow: 'auto',
                  boxShadow: '2px 0 8px rgba(0,0,0,0.15)',
                }
              : { borderRight: '1px solid #f0f0f0', overflow: 'auto' }
          }
        >
          <div hidden={narrow && collapsed}>
            <Menu
              mode="inline"
              selectedKeys={[pathname.startsWith('/points') ? '/points' : pathname]}
              items={items}
              style={{ borderInlineEnd: 'none' }}
              onClick={({ key }) => {
                navigate(key);
                if (narrow) setCollapsed(true);
              }}
            />
            <Divider style={{ margin: 0 }} />
            <OrgTree />
          </div>
        </Sider>
        <Content style={{ padding: 16, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
