import { actorLabel, type Role } from '@dg/policy';
import { DateText, StatusTag } from '@dg/ui';
import { Table, Typography } from 'antd';
import type { HistoryEntry } from './types';

/** Who did what when, refused attempts included (kept by the API with the reason they were refused). */
export function HistoryTable({
  history,
  materialTitles,
}: {
  history: HistoryEntry[];
  materialTitles: Map<string, string>;
}) {
  return (
    <Table<HistoryEntry>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...history].reverse()}
      data-testid="history"
      columns={[
        {
          title: '时间',
          dataIndex: 'at',
          width: 150,
          render: (v: string) => <DateText value={v} format="time" />,
        },
        { title: '操作', dataIndex: 'eventLabel', width: 180 },
        {
          title: '结果',
          width: 90,
          render: (_, e) =>
            e.accepted ? (
              <StatusTag label="已生效" tone="success" />
            ) : (
              <StatusTag label="被拒绝" tone="error" />
            ),
        },
        {
          title: '操作人',
          width: 200,
          render: (_, e) => (
            <span>
              {e.actorName ?? '系统'}
              <Typography.Text type="secondary">（{actorLabel(e.actorRole as Role)}）</Typography.Text>
            </span>
          ),
        },
        {
          title: '说明',
          render: (_, e) => {
            const refusal = typeof e.data.refusal === 'string' ? e.data.refusal : null;
            const reasons = Array.isArray(e.data.reasons)
              ? (e.data.reasons as { itemKey: string; reason: string }[])
              : [];
            return (
              <div>
                {refusal && <Typography.Text type="danger">{refusal}</Typography.Text>}
                {e.reason && reasons.length === 0 && <div>{e.reason}</div>}
                {reasons.map((r) => (
                  <div key={r.itemKey}>
                    <Typography.Text type="secondary">
                      {r.itemKey === 'form' ? '申报表' : (materialTitles.get(r.itemKey) ?? r.itemKey)}：
                    </Typography.Text>
                    {r.reason}
                  </div>
                ))}
              </div>
            );
          },
        },
      ]}
    />
  );
}
