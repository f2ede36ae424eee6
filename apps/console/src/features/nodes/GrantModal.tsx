import { DateText } from '@dg/ui';
import { Alert, Modal, Table, Typography } from 'antd';

export interface Grant {
  nodeId: string;
  serial: string;
  token: string;
  expiresAt: string;
}

/**
 * Enrollment tokens are shown this once: the platform keeps only their hash. The operator copies them (or downloads
 * the list) for the agents at the factory.
 */
export function GrantModal({ grants, onClose }: { grants: Grant[]; onClose: () => void }) {
  const csv = `serial,token,expiresAt\n${grants.map((g) => `${g.serial},${g.token},${g.expiresAt}`).join('\n')}\n`;
  return (
    <Modal
      open={grants.length > 0}
      title="接入令牌（仅显示一次）"
      onCancel={onClose}
      onOk={onClose}
      okText="我已保存"
      width={760}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message="令牌仅在此显示一次，关闭后无法再次查看"
        description="请复制或下载后交给现场实施人员，在有效期内由节点代理程序使用；令牌使用一次即失效。"
      />
      <Table<Grant>
        size="small"
        rowKey="nodeId"
        pagination={false}
        dataSource={grants}
        columns={[
          { title: '序列号', dataIndex: 'serial' },
          {
            title: '接入令牌',
            dataIndex: 'token',
            render: (token: string) => (
              <Typography.Text code copyable data-testid="enrollment-token">
                {token}
              </Typography.Text>
            ),
          },
          {
            title: '有效期至',
            dataIndex: 'expiresAt',
            render: (v: string) => <DateText value={v} format="time" />,
          },
        ]}
      />
      {grants.length > 1 && (
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
          download="enrollment-tokens.csv"
          style={{ display: 'inline-block', marginTop: 12 }}
        >
          下载令牌清单（CSV）
        </a>
      )}
    </Modal>
  );
}
