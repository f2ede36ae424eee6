import { shanghaiDate } from '@dg/policy';
import { api, DateText, ErrorAlert, Page, regionName } from '@dg/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';

type Period = { from: string; to: string };

function download(file: { filename: string; mime: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  URL.revokeObjectURL(url);
}

function thisYear(): Period {
  const today = shanghaiDate(new Date());
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** OP-2: distinct enterprises and nodes connected in a period, from the platform's own records; exportable. */
export function Op2ReportPage() {
  const [period, setPeriod] = useState<Period>(thisYear);
  const report = useQuery({
    queryKey: ['edge', 'report.op2', period],
    queryFn: () => api.edge.report.op2.query(period),
  });
  const xlsx = useMutation({ mutationFn: () => api.edge.report.op2Xlsx.query(period), onSuccess: download });
  const r = report.data;

  return (
    <Page title="接入统计（OP-2）">
      <div className="dg-panel">
        <Space wrap>
          <span>统计期间（北京时间，含首尾两日）：</span>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            onChange={(range) => {
              const [from, to] = (range ?? []) as [Dayjs | null, Dayjs | null];
              if (from && to) setPeriod({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
            }}
          />
          <Button onClick={() => xlsx.mutate()} loading={xlsx.isPending} disabled={!r}>
            导出 Excel
          </Button>
        </Space>
        <ErrorAlert error={report.error ?? xlsx.error} style={{ marginTop: 12 }} />
        {r && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            依据 {r.rule}（{r.article}）：期间内已审核接入且有心跳的节点计为接入。生成时间{' '}
            <DateText value={r.generatedAt} format="time" />
          </Typography.Paragraph>
        )}
      </div>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <Card size="small">
            <Statistic title="接入企业数" value={r?.enterprises ?? 0} loading={report.isPending} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small">
            <Statistic title="接入节点数" value={r?.nodes ?? 0} loading={report.isPending} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Card size="small" title="按企业">
            <Table
              size="small"
              rowKey="enterpriseId"
              pagination={{ pageSize: 15, showSizeChanger: false }}
              dataSource={r?.byEnterprise}
              columns={[
                { title: '企业', dataIndex: 'enterpriseName' },
                { title: '统一社会信用代码', dataIndex: 'uscc' },
                { title: '镇街（园区）', dataIndex: 'townCode', render: (v: string) => regionName(v) },
                { title: '接入节点', dataIndex: 'nodes' },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title="按镇街（园区）">
            <Table
              size="small"
              rowKey="townCode"
              pagination={false}
              dataSource={r?.byTown}
              columns={[
                { title: '镇街（园区）', dataIndex: 'townCode', render: (v: string) => regionName(v) },
                { title: '企业', dataIndex: 'enterprises' },
                { title: '节点', dataIndex: 'nodes' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
