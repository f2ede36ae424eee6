import type { RouterInputs, RouterOutputs } from '@dg/api';
import type { DongguanRegionCode, ProgramId } from '@dg/policy';
import {
  api,
  DateText,
  KeysetTable,
  Money,
  Page,
  RegionSelect,
  regionName,
  StatusTag,
  yuanTextToFen,
} from '@dg/ui';
import { Button, Form, Input, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { programOptions, stateOptions } from './filters';

type Summary = RouterOutputs['reviews']['queue']['items'][number];
type Cursor = NonNullable<RouterOutputs['reviews']['queue']['next']>;
type Filters = Omit<RouterInputs['reviews']['queue'], 'after' | 'limit'>;

interface FilterValues {
  search?: string;
  program?: ProgramId;
  edition?: string;
  townCode?: DongguanRegionCode;
  state?: string;
  deadline?: 'due_soon' | 'overdue';
  minYuan?: string;
  maxYuan?: string;
}

function toFilters(v: FilterValues): Filters {
  return {
    search: v.search?.trim() || undefined,
    program: v.program,
    edition: v.edition?.trim() || undefined,
    townCode: v.townCode,
    state: v.state,
    deadline: v.deadline,
    minAmountFen: v.minYuan ? yuanTextToFen(v.minYuan) : undefined,
    maxAmountFen: v.maxYuan ? yuanTextToFen(v.maxYuan) : undefined,
  };
}

const amountRule = {
  validator: (_: unknown, text?: string) =>
    !text || yuanTextToFen(text) !== undefined
      ? Promise.resolve()
      : Promise.reject(new Error('金额格式不正确')),
};

function DeadlineCell({ row }: { row: Summary }) {
  if (!row.deadlineAt) return <span>—</span>;
  return (
    <Space size={4}>
      <DateText value={row.deadlineAt} format="time" />
      {row.overdue && <StatusTag label="已逾期" tone="error" />}
      {!row.overdue && row.dueSoon && <StatusTag label="即将到期" tone="warning" />}
    </Space>
  );
}

/** The caller's work queue: by default every stage their role acts in, oldest in the stage first. */
export function QueuePage() {
  const navigate = useNavigate();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const program = Form.useWatch('program', form);

  return (
    <Page title="待办审核">
      <div className="dg-panel">
        <Form<FilterValues>
          form={form}
          layout="inline"
          onFinish={(values) => setFilters(toFilters(values))}
          style={{ rowGap: 12, marginBottom: 16 }}
        >
          <Form.Item name="search">
            <Input allowClear placeholder="单位名称 / 统一社会信用代码 / 受理编号" style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="program">
            <Select allowClear placeholder="项目类别" options={programOptions} style={{ width: 190 }} />
          </Form.Item>
          <Form.Item name="edition">
            <Input allowClear placeholder="批次，如 2025-1" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="state">
            <Select
              allowClear
              placeholder="办理环节"
              options={stateOptions(program)}
              style={{ width: 150 }}
            />
          </Form.Item>
          <Form.Item name="townCode">
            <RegionSelect />
          </Form.Item>
          <Form.Item name="deadline">
            <Select
              allowClear
              placeholder="期限"
              style={{ width: 110 }}
              options={[
                { value: 'due_soon', label: '即将到期' },
                { value: 'overdue', label: '已逾期' },
              ]}
            />
          </Form.Item>
          <Form.Item name="minYuan" rules={[amountRule]}>
            <Input allowClear prefix="¥" placeholder="金额下限（元）" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="maxYuan" rules={[amountRule]}>
            <Input allowClear prefix="¥" placeholder="金额上限（元）" style={{ width: 150 }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              重置
            </Button>
          </Space>
        </Form>
        <KeysetTable<Summary, Cursor>
          queryKey={['reviews.queue', filters]}
          fetchPage={async (after) => {
            const page = await api.reviews.queue.query({ ...filters, after: after ?? undefined });
            return { items: page.items, nextCursor: page.next };
          }}
          rowKey="id"
          onRowClick={(row) => navigate(`/applications/${row.id}`)}
          emptyText="暂无待办申报"
          columns={[
            { title: '受理编号', dataIndex: 'trackingNumber', render: (v: string | null) => v ?? '—' },
            { title: '申报单位', dataIndex: 'enterpriseName' },
            {
              title: '项目类别',
              render: (_, row) => (
                <Tooltip title={`批次 ${row.edition}`}>
                  {row.programLabel}（{row.edition}）
                </Tooltip>
              ),
            },
            { title: '镇街（园区）', dataIndex: 'townCode', render: (v: string) => regionName(v) },
            {
              title: '办理环节',
              dataIndex: 'stateLabel',
              render: (label: string) => <StatusTag label={label} tone="processing" />,
            },
            {
              title: '核定金额 / 资助上限',
              align: 'right',
              render: (_, row) =>
                row.recognisedFen !== null ? (
                  <Money fen={row.recognisedFen} strong />
                ) : (
                  <Money fen={row.ceilingFen} />
                ),
            },
            {
              title: '进入环节',
              dataIndex: 'stateEnteredAt',
              render: (v: string) => <DateText value={v} format="time" />,
            },
            { title: '期限', render: (_, row) => <DeadlineCell row={row} /> },
          ]}
        />
      </div>
    </Page>
  );
}
