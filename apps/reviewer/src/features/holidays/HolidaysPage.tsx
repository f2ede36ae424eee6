import { calendarWith, describeYears, shanghaiDate, yearsWithHolidayData } from '@dg/policy';
import { api, DateText, ErrorAlert, Page, StatusTag, useSession } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  describeHolidays,
  describeMakeUpWorkdays,
  firstUncoveredYear,
  type HolidayYear,
} from './arrangement';
import { type Editing, HolidayArrangementModal } from './HolidayArrangementModal';

/** Who may enter or correct a year's arrangement (the API's calendar.saveHolidayArrangement); it refuses anyone else. */
const HOLIDAY_EDITORS = ['admin'];

/** The newest year of the holiday data package built into the system. */
const lastPackageYear = yearsWithHolidayData[yearsWithHolidayData.length - 1]!;

/**
 * GEN-7's calendar: the years whose statutory holidays and make-up working days are known, so that a notice's
 * 5 working days can be counted; an administrator enters a later year from the State Council's notice.
 */
export function HolidaysPage() {
  const { user } = useSession();
  const [editing, setEditing] = useState<Editing | null>(null);
  const years = useQuery({
    queryKey: ['calendar.holidayYears'],
    queryFn: () => api.calendar.holidayYears.query(),
  });
  const canEdit = HOLIDAY_EDITORS.includes(user.role);

  const list = years.data ?? [];
  const covered = calendarWith(list.flatMap((y) => (y.arrangement ? [y.arrangement] : [])));
  const firstUncovered = firstUncoveredYear(covered.years, lastPackageYear + 1);
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));

  return (
    <Page
      title="节假日安排"
      extra={
        canEdit && (
          <Button
            type="primary"
            disabled={!years.data}
            onClick={() => setEditing({ kind: 'new', year: firstUncovered })}
          >
            录入节假日安排
          </Button>
        )
      }
    >
      <div className="dg-panel">
        <Typography.Paragraph type="secondary">
          公示期按 5 个工作日计算（GEN-7），须有当年的法定节假日安排；内置数据覆盖至 {lastPackageYear}{' '}
          年，之后的年份请由系统管理员按国务院办公厅通知录入。
        </Typography.Paragraph>
        <ErrorAlert error={years.error} style={{ marginBottom: 12 }} />
        {years.data && (
          <Alert
            type={firstUncovered <= thisYear ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="coverage"
            message={
              <span>
                已有安排的年份：{describeYears(covered)} 年；尚无安排的第一个年份：
                <Typography.Text strong data-testid="first-uncovered">
                  {firstUncovered} 年
                </Typography.Text>
              </span>
            }
            description={`公示期跨入 ${firstUncovered} 年的公示批次无法发布，须先录入该年的节假日安排。`}
          />
        )}
        <Table<HolidayYear>
          size="middle"
          rowKey="year"
          loading={years.isPending}
          dataSource={years.data}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          data-testid="holiday-years"
          locale={{ emptyText: '暂无节假日安排' }}
          columns={[
            { title: '年份', dataIndex: 'year', width: 90, render: (y: number) => `${y} 年` },
            {
              title: '来源',
              key: 'origin',
              width: 280,
              render: (_, y) => (
                <Space direction="vertical" size={2}>
                  {y.origin === 'entered' ? (
                    <StatusTag label="管理员录入" tone="processing" />
                  ) : (
                    <StatusTag label="内置数据" tone="default" />
                  )}
                  {y.arrangement && (
                    <Typography.Text type="secondary">{y.arrangement.source}</Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: '放假安排',
              key: 'arrangement',
              render: (_, y) => {
                if (!y.arrangement) return <Typography.Text type="secondary">以内置数据为准</Typography.Text>;
                const makeUp = describeMakeUpWorkdays(y.arrangement);
                return (
                  <Space direction="vertical" size={2}>
                    <span>{describeHolidays(y.arrangement)}</span>
                    <Typography.Text type="secondary">调休上班：{makeUp ?? '无'}</Typography.Text>
                  </Space>
                );
              },
            },
            { title: '录入人', dataIndex: 'enteredBy', width: 140, render: (v: string | null) => v ?? '—' },
            {
              title: '更新时间',
              dataIndex: 'updatedAt',
              width: 160,
              render: (v: string | null) => <DateText value={v} format="time" />,
            },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 80,
                    render: (_: unknown, y: HolidayYear) =>
                      y.origin === 'entered' && (
                        <Button size="small" onClick={() => setEditing({ kind: 'correct', entry: y })}>
                          修改
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {canEdit && <HolidayArrangementModal editing={editing} years={list} onClose={() => setEditing(null)} />}
    </Page>
  );
}
