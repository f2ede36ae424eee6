import { programLabels } from '@dg/policy';
import { api, ErrorAlert } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card } from 'antd';
import { Link } from 'react-router';

/** 不重复享受 (GEN-4, CV-10): other applications claiming the same project or payments, as the API finds them. */
export function DuplicatesCard({ applicationId }: { applicationId: string }) {
  const duplicates = useQuery({
    queryKey: ['duplicates.forApplication', applicationId],
    queryFn: () => api.duplicates.forApplication.query({ id: applicationId }),
  });
  if (duplicates.error) return <ErrorAlert error={duplicates.error} style={{ marginBottom: 16 }} />;
  if (!duplicates.data || duplicates.data.length === 0) return null;
  return (
    <Card
      size="small"
      title="重复申报核查（不重复享受）"
      style={{ marginBottom: 16 }}
      data-testid="duplicates"
    >
      {duplicates.data.map((d) => (
        <Alert
          key={`${d.otherApplicationId}-${d.finding.rule}`}
          type={d.finding.severity === 'blocking' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          message={
            <span>
              {d.finding.rule}（{d.finding.article}）：{d.finding.message}
            </span>
          }
          description={
            <span>
              相关申报：
              <Link to={`/applications/${d.otherApplicationId}`}>
                {d.otherTrackingNumber ?? d.otherApplicationId}
              </Link>
              （{programLabels[d.otherProgramId]}）
            </span>
          }
        />
      ))}
    </Card>
  );
}
