import {
  AppstoreOutlined,
  AuditOutlined,
  ClusterOutlined,
  DashboardOutlined,
  KeyOutlined,
  LineChartOutlined,
  ShoppingCartOutlined,
} from '@ant-design/icons';
import type { NavGroup } from '@dg/ui';

// Menu visibility mirrors the API's role groups (apps/api/src/routers/edge.ts); the API checks every call regardless.
const EDGE_OPERATORS = ['edge_operator', 'admin'];
const COMPUTE_OPERATORS = ['compute_operator', 'admin'];
const COUNT_READERS = ['edge_operator', 'admin', 'city_reviewer', 'approver', 'finance'];

export const consoleNav: NavGroup[] = [
  {
    label: '边端智算网络',
    items: [
      { path: '/fleet', label: '网络概览', icon: <DashboardOutlined />, roles: EDGE_OPERATORS },
      { path: '/nodes', label: '节点管理', icon: <ClusterOutlined />, roles: EDGE_OPERATORS },
      { path: '/tokens', label: '批量签发令牌', icon: <KeyOutlined />, roles: EDGE_OPERATORS },
      { path: '/op2', label: '接入统计（OP-2）', icon: <LineChartOutlined />, roles: COUNT_READERS },
    ],
  },
  {
    label: '算力服务平台',
    items: [
      { path: '/accounts', label: '企业账号审核', icon: <AuditOutlined />, roles: COMPUTE_OPERATORS },
      { path: '/products', label: '算力产品', icon: <AppstoreOutlined />, roles: COMPUTE_OPERATORS },
      { path: '/orders', label: '算力订单', icon: <ShoppingCartOutlined />, roles: COMPUTE_OPERATORS },
    ],
  },
];
