import { programLabels } from '@dg/policy';
import { api, ErrorAlert, Page, StatusTag, useSession } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CreateNoticeModal } from './CreateNoticeModal';
import { batchStates } from './labels';

/** Roles that organise notices (apps/api after-review-access ORGANISERS); the API refuses everyone else. */
export const NOTICE_ORGANISERS = ['city_reviewer', 'approver'];

export function NoticesPage() {
  const navigate = useNavigate();
  const { user } = useSession();
  const [creating, setCreating] = useState(false);
  const batches = useQuery({ queryKey: ['notices.list'], queryFn: () => api.notices.list.query() });

  return (
    <Page
      title="社会公示"
      extra={
        NOTICE_ORGANISERS.includes(user.role) && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建公示批次
          </Button>
        )
      }
    >
      <div className="dg-panel">
        <ErrorAlert error={batches.error} />
        <Table
          size="middle"
          rowKey="id"
          loading={batches.isPending}
          dataSource={batches.data}
          pagination={false}
          locale={{ emptyText: '暂无公示批次' }}
          onRow={(b) => ({ onClick: () => navigate(`/notices/${b.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '公示批次', dataIndex: 'title' },
            {
              title: '项目类别',
              dataIndex: 'programId',
              render: (p: keyof typeof programLabels) => programLabels[p],
            },
            {
              title: '状态',
              dataIndex: 'state',
              render: (s: string) => <StatusTag {...(batchStates[s] ?? { label: s })} />,
            },
            {
              title: '公示期',
              render: (_, b) => (b.startsOn ? `${b.startsOn} 至 ${b.endsOn}` : '未发布'),
            },
          ]}
        />
      </div>
      <CreateNoticeModal open={creating} onClose={() => setCreating(false)} />
    </Page>
  );
}
