import {
  type Basis,
  type Finding,
  formatRate,
  formatYuan,
  type ParameterRead,
  ruleById,
  type Verdict,
} from '@dg/policy';
import { Money, StatusTag, type Tone } from '@dg/ui';
import { Descriptions, Empty, Table, Tag, Tooltip, Typography } from 'antd';

const SEVERITY: Record<Finding['severity'], { label: string; tone: Tone }> = {
  blocking: { label: '不符合', tone: 'error' },
  warning: { label: '需关注', tone: 'warning' },
  info: { label: '说明', tone: 'default' },
};

/** A parameter's value in its unit, as the verdict's basis recorded it. */
function parameterValue(read: ParameterRead): string {
  if (read.value === null) return '未生效';
  switch (read.unit) {
    case 'fen':
      return formatYuan(Number(read.value));
    case 'bp':
      return formatRate(Number(read.value));
    case 'days':
      return `${read.value} 天`;
    default:
      return String(read.value);
  }
}

function RuleCell({ id, article }: { id: string; article?: string }) {
  const rule = ruleById(id);
  return (
    <Tooltip title={rule ? `${rule.title}（${rule.article}）` : undefined}>
      <Tag bordered={false} color="geekblue" style={{ fontFamily: 'monospace' }}>
        {id}
      </Tag>
      {article && <Typography.Text type="secondary">{article}</Typography.Text>}
    </Tooltip>
  );
}

/** The policy core's verdict on a submission: the outcome, every finding with its rule and article, and the basis. */
export function VerdictPanel({ verdict }: { verdict: Omit<Verdict, 'basis'> & { basis: unknown } }) {
  const basis = verdict.basis as Partial<Basis>;
  const findings = [...verdict.findings].sort(
    (a, b) => Object.keys(SEVERITY).indexOf(a.severity) - Object.keys(SEVERITY).indexOf(b.severity),
  );

  return (
    <div data-testid="verdict">
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="政策核验结论">
          {verdict.eligible ? (
            <StatusTag label="符合条件" tone="success" />
          ) : (
            <StatusTag label="不符合条件" tone="error" />
          )}
        </Descriptions.Item>
        <Descriptions.Item label="资助上限">
          <Money fen={verdict.subsidyFen} strong />
        </Descriptions.Item>
        <Descriptions.Item label="第一期拨付">
          <Money fen={verdict.phase1Fen} />
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        核验意见
      </Typography.Title>
      <Table<Finding>
        size="small"
        rowKey={(f) => `${f.rule}:${f.message}`}
        pagination={false}
        dataSource={findings}
        columns={[
          {
            title: '结论',
            dataIndex: 'severity',
            width: 80,
            render: (s: Finding['severity']) => <StatusTag {...SEVERITY[s]} />,
          },
          {
            title: '规则',
            dataIndex: 'rule',
            width: 200,
            render: (_, f) => <RuleCell id={f.rule} article={f.article} />,
          },
          { title: '说明', dataIndex: 'message' },
        ]}
      />

      {basis.amounts && basis.amounts.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            资助上限计算
          </Typography.Title>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={basis.amounts}
            columns={[
              { title: '项目', dataIndex: 'label' },
              { title: '规则', dataIndex: 'rule', width: 110, render: (id: string) => <RuleCell id={id} /> },
              {
                title: '金额',
                dataIndex: 'fen',
                align: 'right',
                render: (fen: number) => <Money fen={fen} />,
              },
            ]}
          />
        </>
      )}

      {basis.lines && basis.lines.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            逐笔核算
          </Typography.Title>
          <Table
            size="small"
            rowKey="ref"
            pagination={false}
            dataSource={basis.lines}
            columns={[
              { title: '编号', dataIndex: 'ref' },
              {
                title: '申报金额',
                dataIndex: 'amountFen',
                align: 'right',
                render: (fen: number) => <Money fen={fen} />,
              },
              {
                title: '计入金额',
                dataIndex: 'eligibleFen',
                align: 'right',
                render: (fen: number) => <Money fen={fen} />,
              },
              {
                title: '核算天数',
                render: (_, line) =>
                  line.serviceDays === undefined ? '—' : `${line.daysInWindow ?? 0} / ${line.serviceDays} 天`,
              },
              {
                title: '不计入原因',
                render: (_, line) =>
                  line.reasons.length === 0 ? (
                    '—'
                  ) : (
                    <span>
                      {line.excludedBy.map((id) => (
                        <RuleCell key={id} id={id} />
                      ))}
                      {line.reasons.join('；')}
                    </span>
                  ),
              },
            ]}
          />
        </>
      )}

      {basis.parameters && basis.parameters.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            适用参数（{basis.edition} 批次，核验日 {basis.asOf}）
          </Typography.Title>
          <Table<ParameterRead>
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={basis.parameters}
            columns={[
              { title: '参数', dataIndex: 'description' },
              {
                title: '取值',
                render: (_, read) => (
                  <span>
                    {parameterValue(read)} {read.override && <Tag color="orange">已调整（CV-11）</Tag>}
                  </span>
                ),
              },
              { title: '依据', dataIndex: 'reference' },
            ]}
          />
        </>
      )}
      {findings.length === 0 && !basis.amounts && <Empty description="暂无核验结果" />}
    </div>
  );
}
