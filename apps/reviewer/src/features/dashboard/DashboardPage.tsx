import { type DongguanRegionCode, formatYuan, PROGRAM_IDS, programLabels } from '@dg/policy';
import { api, BarList, ErrorAlert, Page, regionName } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton } from 'antd';

/** 数据看板: submitted applications by workflow stage, program and town, and the amounts by program. */
export function DashboardPage() {
  const stats = useQuery({ queryKey: ['stats.overview'], queryFn: () => api.stats.overview.query() });
  const s = stats.data;
  return (
    <Page title="数据看板">
      <ErrorAlert error={stats.error} />
      {stats.isPending && <Skeleton active />}
      {s && (
        <Row gutter={[16, 16]} data-testid="dashboard">
          <Col span={12}>
            <Card size="small" title="按项目统计申报数">
              <BarList bars={s.byProgram.map((p) => ({ label: p.label, value: p.count }))} />
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small" title="按项目统计金额（核定 / 资助上限）">
              {/* One list, so recognised and ceiling amounts share a scale and can be compared. */}
              <BarList
                bars={s.byProgram.flatMap((p) => [
                  { label: `${p.label} 核定`, value: p.recognisedFen, text: formatYuan(p.recognisedFen) },
                  { label: `${p.label} 上限`, value: p.ceilingFen, text: formatYuan(p.ceilingFen) },
                ])}
                color="#389e0d"
              />
            </Card>
          </Col>
          {PROGRAM_IDS.map((programId) => (
            <Col span={8} key={programId}>
              <Card size="small" title={`${programLabels[programId]} · 按办理环节`}>
                <BarList
                  bars={s.byState
                    .filter((st) => st.programId === programId)
                    .map((st) => ({ label: st.label, value: st.count }))}
                />
              </Card>
            </Col>
          ))}
          <Col span={24}>
            <Card size="small" title="按镇街（园区）统计申报数">
              <BarList
                bars={[...s.byTown]
                  .sort((a, b) => b.count - a.count)
                  .map((t) => ({ label: regionName(t.townCode as DongguanRegionCode), value: t.count }))}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Page>
  );
}
