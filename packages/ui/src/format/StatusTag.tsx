import { Tag } from 'antd';

export type Tone = 'default' | 'processing' | 'success' | 'warning' | 'error';

/**
 * A state shown as a coloured tag. The label comes from the policy core's workflow data or the API;
 * the tone is only a colour choice made by the page.
 */
export function StatusTag({ label, tone = 'default' }: { label: string; tone?: Tone }) {
  return (
    <Tag color={tone} bordered={false} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
