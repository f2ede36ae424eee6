import { api, ErrorAlert, Page } from '@dg/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { type Grant, GrantModal } from '../nodes/GrantModal';

/**
 * Tokens for a factory's batch of nodes at once: each known serial is approved (or its credential rotated) and gets
 * a fresh single-use token. Unknown serials must be registered first (节点管理 → 登记节点).
 */
export function BulkTokensPage() {
  const queryClient = useQueryClient();
  const [grants, setGrants] = useState<Grant[]>([]);
  const issue = useMutation({
    mutationFn: (serials: string[]) => api.edge.tokens.issueBulk.mutate({ serials }),
    onSuccess: (result) => {
      setGrants(result);
      queryClient.invalidateQueries({ queryKey: ['edge'] });
    },
  });

  return (
    <Page title="批量签发接入令牌">
      <div className="dg-panel">
        <Typography.Paragraph type="secondary">
          每行一个设备序列号。已登记的节点将被审核通过（已接入的节点将轮换凭证），并各自获得一个一次性接入令牌。
        </Typography.Paragraph>
        <Form
          layout="vertical"
          onFinish={({ serials }: { serials: string }) =>
            issue.mutate(
              serials
                .split(/[\s,，]+/)
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
        >
          <Form.Item name="serials" rules={[{ required: true, message: '请填写至少一个序列号' }]}>
            <Input.TextArea rows={8} placeholder={'SN-0001\nSN-0002'} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <ErrorAlert error={issue.error} style={{ marginBottom: 12 }} />
          <Button type="primary" htmlType="submit" loading={issue.isPending}>
            签发令牌
          </Button>
        </Form>
      </div>
      <GrantModal grants={grants} onClose={() => setGrants([])} />
    </Page>
  );
}
