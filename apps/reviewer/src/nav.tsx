import {
  AccountBookOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FundOutlined,
  FileSearchOutlined,
  NotificationOutlined,
  PayCircleOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { NavGroup } from '@dg/ui';

// Menu visibility mirrors the API's role groups (apps/api/src/authz/roles.ts); the API checks every call regardless.
const GOVERNMENT = ['city_reviewer', 'town_reviewer', 'approver', 'finance', 'admin'];
const PAYMENT_READERS = ['finance', 'approver', 'admin'];
const CITY_LEVEL = ['city_reviewer', 'approver', 'finance', 'admin'];

export const reviewerNav: NavGroup[] = [
  {
    label: '审核',
    items: [
      { path: '/queue', label: '待办审核', icon: <FileSearchOutlined /> },
      { path: '/conflicts', label: '利益冲突声明', icon: <SafetyCertificateOutlined />, roles: ['expert'] },
    ],
  },
  {
    label: '公示与资金',
    items: [
      { path: '/notices', label: '社会公示', icon: <NotificationOutlined />, roles: GOVERNMENT },
      { path: '/funding-plans', label: '资助计划', icon: <FundOutlined />, roles: GOVERNMENT },
      { path: '/budgets', label: '预算', icon: <AccountBookOutlined />, roles: GOVERNMENT },
      { path: '/payments', label: '资金拨付', icon: <PayCircleOutlined />, roles: PAYMENT_READERS },
      // The calendar the notices' 5 working days are counted by (GEN-7); only an administrator enters a year.
      { path: '/holidays', label: '节假日安排', icon: <CalendarOutlined />, roles: GOVERNMENT },
    ],
  },
  {
    label: '主体',
    items: [{ path: '/enterprises', label: '申报单位', icon: <BankOutlined />, roles: GOVERNMENT }],
  },
  {
    label: '统计',
    items: [{ path: '/dashboard', label: '数据看板', icon: <BarChartOutlined />, roles: CITY_LEVEL }],
  },
];
