import { Text, View } from '@tarojs/components';
import type { RouterOutputs } from '@dg/api';
import {
  citation,
  formatChineseDate,
  isWithin,
  majorChangeFilingDeadline,
  minorChangeFilingDeadline,
  shanghaiDate,
} from '@dg/policy';
import { useState } from 'react';
import { api } from '../../../api/client';
import { Alert, Btn, Chips, Field } from '../../../components/ui';
import { toastOk } from '../../../lib/toast';
import { useBusy } from '../../../lib/use-busy';

export type Contract = RouterOutputs['contracts']['mine'];

/** RD-6: these subjects make a change major (approval, filed ≥ 3 months before the end); anything else is minor. */
const SUBJECTS = [
  { value: '承担单位', label: '承担单位', major: true },
  { value: '总预算', label: '总预算', major: true },
  { value: '项目负责人', label: '项目负责人', major: true },
  { value: '完成时间', label: '完成时间', major: true },
  { value: '验收指标', label: '验收指标', major: true },
  { value: '其他', label: '其他事项', major: false },
] as const;
type Subject = (typeof SUBJECTS)[number]['value'];

export const CHANGE_STATE: Record<string, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  filed: '已备案',
};

export function ChangeForm({ contract, onDone }: { contract: Contract; onDone: () => void }) {
  const today = shanghaiDate(new Date());
  const [subject, setSubject] = useState<Subject>('项目负责人');
  const [description, setDescription] = useState('');
  const { busy, run } = useBusy();
  const major = SUBJECTS.find((s) => s.value === subject)!.major;
  const deadline = major ? majorChangeFilingDeadline(contract.endOn) : minorChangeFilingDeadline(today);
  const inTime = isWithin(deadline, today);

  const file = async () => {
    await run(async () => {
      await api.contracts.fileChange.mutate({
        applicationId: contract.applicationId,
        kind: major ? 'major' : 'minor',
        subject,
        description,
        changedOn: major ? undefined : today,
      });
      toastOk(major ? '已提交变更申请，等待审批' : '变更已备案');
      setDescription('');
      onDone();
    });
  };

  return (
    <View>
      <Chips label="变更事项" options={SUBJECTS} value={subject} onChange={setSubject} />
      <Alert
        tone={inTime ? 'info' : 'bad'}
        title={major ? '重大变更：须报市科技局审批' : '一般变更：由承担单位自行调整后备案'}
      >
        <Text>
          {deadline.description}，最迟 {formatChineseDate(deadline.date)}（{citation(deadline.rule)}）
          {inTime ? '' : '；已超过期限，提交将被拒绝'}
        </Text>
      </Alert>
      <Field label="变更内容及理由" value={description} onInput={setDescription} />
      <Btn ghost disabled={description.trim() === ''} loading={busy} onClick={file}>
        {major ? '提交变更申请' : '提交变更备案'}
      </Btn>
    </View>
  );
}
