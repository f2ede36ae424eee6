import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { actorLabel } from '@dg/policy';
import { useSession } from '../session/session';

export interface NavItem {
  path: string;
  label: string;
  icon?: ReactNode;
  /** Roles that see this entry; absent = every signed-in role. The API still checks every call. */
  roles?: readonly string[];
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

interface AppShellProps {
  system: string;
  nav: NavGroup[];
}

export function visibleNav(nav: NavGroup[], roles: readonly string[]): NavGroup[] {
  return nav
    .map((group) => ({
      ...group,
      items: group.items.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role))),
    }))
    .filter((group) => group.items.length > 0);
}

/** The most specific nav entry the current path lies under, so detail pages keep their list highlighted. */
function selectedKey(nav: NavGroup[], pathname: string): string[] {
  const paths = nav.flatMap((group) => group.items.map((item) => item.path));
  const match = paths
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
  return match ? [match] : [];
}

export function AppShell({ system, nav }: AppShellProps) {
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const groups = visibleNav(nav, [user.role]);

  return (
    <Layout className="dg-shell">
      <Layout.Header className="dg-shell__header">
        <div className="dg-shell__brand">
          <span className="dg-shell__emblem">莞</span>
          <span>{system}</span>
        </div>
        <Space size="middle">
          <Tag color="blue" bordered={false} data-testid="current-role">
            {actorLabel(user.role)}
          </Tag>
          <Typography.Text className="dg-shell__user" data-testid="current-user">
            <UserOutlined /> {user.displayName}
          </Typography.Text>
          <Button type="text" icon={<LogoutOutlined />} onClick={logout} className="dg-shell__logout">
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" className="dg-shell__sider">
          <Menu
            mode="inline"
            selectedKeys={selectedKey(groups, pathname)}
            items={groups.map((group) => ({
              type: 'group' as const,
              key: group.label,
              label: group.label,
              children: group.items.map((item) => ({ key: item.path, icon: item.icon, label: item.label })),
            }))}
            onClick={({ key }) => navigate(key)}
          />
        </Layout.Sider>
        <Layout.Content className="dg-shell__content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
