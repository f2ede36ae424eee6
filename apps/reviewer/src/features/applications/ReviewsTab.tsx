import { expertRubric } from '@dg/api/schemas';
import { FilePreview } from '@dg/ui';
import { Descriptions, Empty, Table, Typography } from 'antd';
import type { ReviewDetail } from './types';

const INSPECTION_RESULTS: Record<string, string> = { pass: '通过', fail: '不通过', needs_followup: '需跟进' };

/** Expert scores and site-inspection records of the application. */
export function ReviewsTab({ detail }: { detail: ReviewDetail }) {
  return (
    <div>
      <Typography.Title level={5}>专家评分</Typography.Title>
      <Table
        size="small"
        rowKey="expertUserId"
        pagination={false}
        dataSource={detail.scores}
        locale={{ emptyText: '暂无专家评分' }}
        columns={[
          { title: '专家', dataIndex: 'expertName' },
          ...expertRubric.map((item) => ({
            title: `${item.label}（${item.max}）`,
            render: (_: unknown, row: ReviewDetail['scores'][number]) => row.scores[item.key] ?? '—',
          })),
          { title: '总分', dataIndex: 'total' },
          { title: '意见', dataIndex: 'comment' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        现场考察
      </Typography.Title>
      {detail.inspections.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无考察记录" />
      )}
      {detail.inspections.map((inspection) => (
        <Descriptions
          key={`${inspection.inspectorName}-${inspection.visitedOn}`}
          size="small"
          bordered
          column={3}
          style={{ marginBottom: 12 }}
        >
          <Descriptions.Item label="考察人">{inspection.inspectorName}</Descriptions.Item>
          <Descriptions.Item label="考察日期">{inspection.visitedOn}</Descriptions.Item>
          <Descriptions.Item label="结论">
            {INSPECTION_RESULTS[inspection.result] ?? inspection.result}
          </Descriptions.Item>
          <Descriptions.Item label="考察情况" span={3}>
            {inspection.findings}
          </Descriptions.Item>
          {inspection.fileIds.length > 0 && (
            <Descriptions.Item label="现场照片" span={3}>
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                {inspection.fileIds.map((id) => (
                  <div key={id} style={{ width: 160 }}>
                    <FilePreview fileId={id} mime="image/jpeg" name="现场照片" height={120} />
                  </div>
                ))}
              </div>
            </Descriptions.Item>
          )}
        </Descriptions>
      ))}
    </div>
  );
}
