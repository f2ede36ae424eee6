import { PrinterOutlined } from '@ant-design/icons';
import { type DongguanRegionCode, formatChineseDate, shanghaiDate } from '@dg/policy';
import { api, ErrorAlert, Money, Page, regionName, StatusTag, useSession } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Popconfirm, Skeleton, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { DownloadButton, exportPaths } from '../exports/DownloadButton';
import { batchStates, itemOutcomes } from './labels';
import { NOTICE_ORGANISERS } from './NoticesPage';
import { Objections } from './Objections';

export function NoticeDetailPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [startsOn, setStartsOn] = useState<Dayjs>(() => dayjs(shanghaiDate(new Date())));
  const notice = useQuery({ queryKey: ['notices.get', id], queryFn: () => api.notices.get.query({ id }) });
  const n = notice.data;
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ['notices.get', id] });
    queryClient.invalidateQueries({ queryKey: ['notices.list'] });
  };
  const publish = useMutation({
    mutationFn: () =>
      api.notices.publish.mutate({ id, version: n!.version, startsOn: startsOn.format('YYYY-MM-DD') }),
    onSuccess: (batch) => {
      message.success(
        `已发布公示，公示期至 ${batch.ends_on ? formatChineseDate(String(batch.ends_on)) : ''}`,
      );
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: () => api.notices.close.mutate({ id, version: n!.version }),
    onSuccess: () => {
      message.success('公示已结束，名单内申报进入下一环节');
      refresh();
      queryClient.invalidateQueries({ queryKey: ['reviews.queue'] });
    },
  });
  const organiser = NOTICE_ORGANISERS.includes(user.role);

  return (
    <Page
      title={n?.title ?? '公示批次'}
      trail={[{ label: '社会公示', to: '/notices' }]}
      extra={
        <>
          <DownloadButton href={exportPaths.notice(id)} testId="export-notice">
            导出公示名单 (.xlsx)
          </DownloadButton>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印公示名单
          </Button>
        </>
      }
    >
      <ErrorAlert error={notice.error ?? publish.error ?? close.error} style={{ marginBottom: 12 }} />
      {notice.isPending && <Skeleton active />}
      {n && (
        <>
          <div className="dg-panel dg-no-print">
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="状态">
                <StatusTag {...(batchStates[n.state] ?? { label: n.state })} />
              </Descriptions.Item>
              <Descriptions.Item label="公示开始">{n.startsOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="公示截止（5 个工作日，GEN-7）">
                <span data-testid="notice-ends-on">{n.endsOn ?? '—'}</span>
              </Descriptions.Item>
            </Descriptions>
            {organiser && n.state === 'draft' && (
              <Space style={{ marginTop: 12 }}>
                <span>公示开始日期：</span>
                <DatePicker value={startsOn} allowClear={false} onChange={(d) => d && setStartsOn(d)} />
                <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate()}>
                  发布公示
                </Button>
                <Typography.Text type="secondary">
                  截止日期由系统按工作日（含法定节假日及调休）计算
                </Typography.Text>
              </Space>
            )}
            {organiser && n.state === 'published' && (
              <Popconfirm
                title="确认结束公示？名单内无异议的申报将进入下一环节。"
                onConfirm={() => close.mutate()}
              >
                <Button type="primary" loading={close.isPending} style={{ marginTop: 12 }}>
                  结束公示
                </Button>
              </Popconfirm>
            )}
          </div>
          <div className="dg-panel dg-print-area">
            <Typography.Title level={5} style={{ textAlign: 'center' }}>
              {n.title}
            </Typography.Title>
            {n.startsOn && (
              <Typography.Paragraph style={{ textAlign: 'center' }}>
                公示期：{formatChineseDate(n.startsOn)} 至 {n.endsOn ? formatChineseDate(n.endsOn) : ''}
              </Typography.Paragraph>
            )}
            <Table
              size="small"
              rowKey="applicationId"
              pagination={false}
              dataSource={n.items}
              data-testid="notice-items"
              columns={[
                { title: '序号', dataIndex: 'seq', width: 60 },
                { title: '受理编号', dataIndex: 'trackingNumber' },
                { title: '申报单位', dataIndex: 'enterpriseName' },
                {
                  title: '所属镇街（园区）',
                  dataIndex: 'townCode',
                  render: (v: string) => regionName(v as DongguanRegionCode),
                },
                { title: '项目名称', dataIndex: 'projectName', render: (v: string) => v || '—' },
                {
                  title: '拟资助金额',
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (v: number) => <Money fen={v} />,
                },
                { title: '公示结果', dataIndex: 'outcome', render: (v: string) => itemOutcomes[v] ?? v },
              ]}
            />
          </div>
          <Objections notice={n} onChanged={refresh} />
        </>
      )}
    </Page>
  );
}
