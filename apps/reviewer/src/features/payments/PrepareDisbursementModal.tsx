import { api, ErrorAlert, Money, regionName } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Modal, Table } from 'antd';
import { useState } from 'react';

/** Where applications wait for their money once the city government approved the funding plan. */
const AWAITING_DISBURSEMENT = 'disbursement';

export function PrepareDisbursementModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const candidates = useQuery({
    queryKey: ['reviews.queue', { state: AWAITING_DISBURSEMENT, limit: 100 }],
    queryFn: () => api.reviews.queue.query({ state: AWAITING_DISBURSEMENT, limit: 100 }),
    enabled: open,
  });
  const prepare = useMutation({
    mutationFn: () => api.payments.prepareDisbursement.mutate({ applicationIds: selected }),
    onSuccess: () => {
      message.success('已生成支付单，待另一名财务人员复核');
      queryClient.invalidateQueries({ queryKey: ['payments.list'] });
      setSelected([]);
      onClose();
    },
  });

  return (
    <Modal
      open={open}
      title="发起拨付"
      width={760}
      okText="生成支付单"
      okButtonProps={{ disabled: selected.length === 0 }}
      confirmLoading={prepare.isPending}
      onOk={() => prepare.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={candidates.error ?? prepare.error} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        rowKey="id"
        loading={candidates.isPending}
        dataSource={candidates.data?.items}
        pagination={false}
        scroll={{ y: 320 }}
        locale={{ emptyText: '暂无待拨付的申报（资助计划经市政府批准后进入待拨付）' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: '受理编号', dataIndex: 'trackingNumber' },
          { title: '申报单位', dataIndex: 'enterpriseName' },
          { title: '项目类别', dataIndex: 'programLabel' },
          { title: '镇街（园区）', dataIndex: 'townCode', render: (v: string) => regionName(v) },
          {
            title: '核定金额',
            dataIndex: 'recognisedFen',
            align: 'right',
            render: (v: number | null, row) => <Money fen={v ?? row.ceilingFen} />,
          },
        ]}
      />
    </Modal>
  );
}
