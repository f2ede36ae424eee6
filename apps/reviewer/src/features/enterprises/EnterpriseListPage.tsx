import type { DongguanRegionCode } from '@dg/policy';
import { applicantCategoryLabels } from '@dg/policy';
import { api, KeysetTable, Page, RegionSelect, regionName } from '@dg/ui';
import { Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';

type Summary = Awaited<ReturnType<typeof api.enterprises.list.query>>[number];
type Cursor = { name: string; id: string };

const PAGE_SIZE = 20;

export function EnterpriseListPage() {
  const navigate = useNavigate();
  const [townCode, setTownCode] = useState<DongguanRegionCode>();
  const [query, setQuery] = useState<string>();

  return (
    <Page title="申报单位">
      <div className="dg-panel">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="单位名称或统一社会信用代码"
            style={{ width: 300 }}
            onSearch={(text) => setQuery(text.trim() || undefined)}
          />
          <RegionSelect value={townCode} onChange={setTownCode} />
        </Space>
        <KeysetTable<Summary, Cursor>
          queryKey={['enterprises.list', { townCode, query }]}
          fetchPage={async (after) => {
            const items = await api.enterprises.list.query({
              townCode,
              query,
              after: after ?? undefined,
              limit: PAGE_SIZE,
            });
            const last = items.at(-1);
            return {
              items,
              nextCursor: items.length === PAGE_SIZE && last ? { name: last.name, id: last.id } : null,
            };
          }}
          rowKey="id"
          onRowClick={(row) => navigate(`/enterprises/${row.id}`)}
          columns={[
            { title: '单位名称', dataIndex: 'name' },
            { title: '统一社会信用代码', dataIndex: 'uscc', render: (v: string) => <code>{v}</code> },
            {
              title: '类别',
              dataIndex: 'category',
              render: (v: Summary['category']) => applicantCategoryLabels[v],
            },
            { title: '镇街（园区）', dataIndex: 'townCode', render: (v: string) => regionName(v) },
            {
              title: '工业企业',
              dataIndex: 'industrial',
              render: (v: boolean) => (v ? <Tag color="blue">是</Tag> : <Tag>否</Tag>),
            },
          ]}
        />
      </div>
    </Page>
  );
}
