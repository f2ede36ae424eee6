import type { ProgramId } from '@dg/policy';
import { api, ErrorAlert, Money, regionName } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { programOptions } from '../queue/filters';

/** The state applications wait in for a notice batch (every program's workflow names it so). */
const AWAITING_NOTICE = 'public_notice';

/** A batch is built from applications that passed review and wait for public notice. */
export function CreateNoticeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [program, setProgram] = useState<ProgramId>('compute-voucher');
  const [title, setTitle] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const candidates = useQuery({
    queryKey: ['reviews.queue', { state: AWAITING_NOTICE, program, limit: 100 }],
    queryFn: () => api.reviews.queue.query({ state: AWAITING_NOTICE, program, limit: 100 }),
    enabled: open,
  });
  const create = useMutation({
    mutationFn: () =>
      api.notices.create.mutate({ programId: program, title: title.trim(), applicationIds: selected }),
    onSuccess: (batch) => {
      queryClient.invalidateQueries({ queryKey: ['notices.list'] });
      onClose();
      navigate(`/notices/${batch.id}`);
    },
  });

  return (
    <Modal
      open={open}
      title="新建公示批次"
      width={860}
      okText="创建"
      okButtonProps={{ disabled: selected.length === 0 || !title.trim() }}
      confirmLoading={create.isPending}
      onOk={() => create.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label="项目类别">
          <Select
            value={program}
            options={programOptions}
            onChange={(p) => {
              setProgram(p);
              setSelected([]);
            }}
          />
        </Form.Item>
        <Form.Item label="批次名称">
          <Input
            value={title}
            maxLength={100}
            placeholder="如：2025年第一批东莞市“算力券”奖补项目拟资助名单公示"
            onChange={(e) => setTitle(e.target.value)}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={candidates.error ?? create.error} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        rowKey="id"
        loading={candidates.isPending}
        dataSource={candidates.data?.items}
        pagination={false}
        scroll={{ y: 300 }}
        locale={{ emptyText: '暂无待公示的申报' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: '受理编号', dataIndex: 'trackingNumber' },
          { title: '申报单位', dataIndex: 'enterpriseName' },
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
