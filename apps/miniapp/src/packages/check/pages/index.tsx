import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import {
  type ComputeVoucherFacts,
  type EdgeNodeDeploymentFacts,
  formatYuan,
  PROGRAM_IDS,
  type ProgramId,
  programLabels,
  shanghaiDate,
  type VerticalModelRdFacts,
} from '@dg/policy';
import { useMemo, useState } from 'react';
import { currentEnterprise } from '../../../api/session';
import { AmountBreakdown } from '../../../components/breakdown';
import { FindingList } from '../../../components/findings';
import { DateField } from '../../../components/inputs';
import { Alert, Card, Chips, Tag } from '../../../components/ui';
import type { Draft, FactsDraft } from '../../../lib/draft';
import { blankDraft, selfCheck } from '../../../lib/self-check';
import { ComputeVoucherForm } from '../forms/compute-voucher';
import { EdgeNodeDeploymentForm } from '../forms/edge-node-deployment';
import { VerticalModelRdForm } from '../forms/vertical-model-rd';

const programOptions = PROGRAM_IDS.map((id) => ({ value: id, label: programLabels[id] }));

const GAP_LABELS: Record<string, string> = {
  amountFen: '金额',
  totalInvestmentFen: '项目总投资',
  stationsServed: '服务的产线工位数',
  connectedNodes: '已接入平台的节点数',
  grantedThisYearFen: '本年度已获资助',
};

/** "payments.0.amountFen" → "第 1 笔付款：金额：…" so the user knows which field to fill. */
function describeGap(path: string, message: string): string {
  const parts = path.split('.');
  const field = GAP_LABELS[parts[parts.length - 1] ?? ''];
  const row =
    parts[0] === 'payments'
      ? `第 ${Number(parts[1]) + 1} 笔付款`
      : parts[0] === 'items'
        ? `投资明细 ${Number(parts[1]) + 1}`
        : '';
  return [row, field ? `请填写${field}` : message].filter(Boolean).join('：');
}

function isProgram(value: string | undefined): value is ProgramId {
  return (PROGRAM_IDS as readonly string[]).includes(value ?? '');
}

export default function SelfCheckPage() {
  const param = useRouter().params.program;
  const today = shanghaiDate(new Date());
  const [draft, setDraft] = useState<FactsDraft>(() =>
    blankDraft(isProgram(param) ? param : 'compute-voucher', currentEnterprise()?.uscc ?? '', today),
  );
  const result = useMemo(() => selfCheck(draft), [draft]);
  const errors = result.ok ? new Map<string, string>() : result.errors;

  return (
    <View className="dg-page">
      <View className="dg-hero" data-testid="self-check-summary">
        <Text className="dg-hero__title">{programLabels[draft.program]} · 自测</Text>
        <Text className="dg-hero__sub">在手机上即时测算，不上传任何数据；正式结果以提交后平台审核为准</Text>
        {result.ok ? (
          <>
            <Text className="dg-hero__amount">{formatYuan(result.verdict.subsidyFen)}</Text>
            <Text className="dg-hero__sub">
              {result.verdict.eligible ? '符合申报条件，预计可获资助' : '暂不符合申报条件，见下方原因'}
            </Text>
          </>
        ) : (
          <Text className="dg-hero__sub">填写完整后显示测算结果（还差 {errors.size} 项）</Text>
        )}
      </View>

      <Card>
        <Chips
          label="申报项目"
          options={programOptions}
          value={draft.program}
          onChange={(program) => setDraft(blankDraft(program, draft.applicant.uscc, today))}
        />
        <DateField
          label="按此申报日期测算"
          value={draft.asOf}
          error={errors.get('asOf')}
          onChange={(asOf) => setDraft({ ...draft, asOf })}
        />
      </Card>

      {draft.program === 'compute-voucher' && (
        <ComputeVoucherForm
          value={draft as Draft<ComputeVoucherFacts>}
          today={today}
          errors={errors}
          onChange={setDraft}
        />
      )}
      {draft.program === 'vertical-model-rd' && (
        <VerticalModelRdForm
          value={draft as Draft<VerticalModelRdFacts>}
          errors={errors}
          onChange={setDraft}
        />
      )}
      {draft.program === 'edge-node-deployment' && (
        <EdgeNodeDeploymentForm
          value={draft as Draft<EdgeNodeDeploymentFacts>}
          errors={errors}
          onChange={setDraft}
        />
      )}

      {result.ok ? (
        <>
          <Card
            title="逐条对照"
            extra={result.verdict.eligible ? <Tag tone="ok">符合条件</Tag> : <Tag tone="bad">暂不符合</Tag>}
          >
            {result.verdict.findings.length > 0 ? (
              <FindingList findings={result.verdict.findings} />
            ) : (
              <Text className="dg-muted">各项条件均已满足</Text>
            )}
          </Card>
          <Card title="测算明细">
            <AmountBreakdown verdict={result.verdict} />
          </Card>
        </>
      ) : (
        <Alert tone="info" title="还需填写">
          {[...errors].slice(0, 6).map(([path, message]) => (
            <Text key={path} className="dg-field__hint">
              · {describeGap(path, message)}
            </Text>
          ))}
        </Alert>
      )}
    </View>
  );
}
