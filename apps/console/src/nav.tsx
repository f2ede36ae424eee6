import { ClusterOutlined } from '@ant-design/icons';
import type { NavGroup } from '@dg/ui';

export const consoleNav: NavGroup[] = [
  {
    label: '边端智算网络',
    items: [{ path: '/nodes', label: '节点管理', icon: <ClusterOutlined /> }],
  },
];
