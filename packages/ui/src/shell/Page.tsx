import { Breadcrumb, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface PageProps {
  title: ReactNode;
  /** Parent pages, outermost first. */
  trail?: { label: string; to: string }[];
  extra?: ReactNode;
  children: ReactNode;
}

/** A page's title bar and body, the same on every page of both apps. */
export function Page({ title, trail, extra, children }: PageProps) {
  return (
    <div className="dg-page">
      {trail && trail.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={trail.map((step) => ({ title: <Link to={step.to}>{step.label}</Link> }))}
        />
      )}
      <div className="dg-page__head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra && <Space>{extra}</Space>}
      </div>
      {children}
    </div>
  );
}
