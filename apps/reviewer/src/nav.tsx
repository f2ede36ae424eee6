import { FileSearchOutlined } from '@ant-design/icons';
import type { NavGroup } from '@dg/ui';

export const reviewerNav: NavGroup[] = [
  {
    label: '审核',
    items: [{ path: '/queue', label: '待办审核', icon: <FileSearchOutlined /> }],
  },
];
