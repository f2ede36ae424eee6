import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';

/** A plain link to one of the API's /exports downloads; the session cookie authorizes it (same origin via the proxy). */
export function DownloadButton({
  href,
  children,
  testId,
}: {
  href: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Button icon={<DownloadOutlined />} href={href} download data-testid={testId}>
      {children}
    </Button>
  );
}

export const exportPaths = {
  notice: (id: string) => `/exports/notices/${id}.xlsx`,
  fundingPlan: (id: string) => `/exports/funding-plans/${id}.xlsx`,
  applicationBundle: (id: string) => `/exports/applications/${id}/bundle.pdf`,
};
