import type { ThemeConfig } from 'antd';

/** Sober government back-office look: deep blue, square-ish corners, compact tables. */
export const governmentTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e99',
    colorInfo: '#1f4e99',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#163a75', headerHeight: 56, headerPadding: '0 24px', siderBg: '#ffffff' },
    Table: { headerBg: '#f3f6fb', cellPaddingBlock: 10 },
    Menu: { itemSelectedBg: '#e8eef8', itemSelectedColor: '#1f4e99' },
  },
};
