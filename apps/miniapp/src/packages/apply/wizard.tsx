import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useUnload } from '@tarojs/taro';
import { formatYuan, type ProgramId } from '@dg/policy';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { MaterialItemView } from '../../components/material-item';
import { Alert, Btn, Card, StepsBar } from '../../components/ui';
import { currentEdition } from '../../lib/editions';
import { newIdempotencyKey } from '../../lib/idempotency';
import { routes } from '../../lib/routes';
import { toastError } from '../../lib/toast';
import { type Note, noteFrom } from './lib/form';
import { useDraft } from './lib/use-draft';
import { ConfirmStep } from './steps/confirm';

/** One program-specific page of the form: its title in the steps bar and how it edits the form. */
export interface FormStep<F> {
  title: string;
  render: (form: F, setForm: (form: F) => void, note: Note) => ReactNode;
}

type Submitted = { trackingNumber: string; subsidyFen: number; eligible: boolean; id: string };

/**
 * An application in steps: the program's own form pages, then the materials checklist and the confirmation with the
 * pledge. The draft is created on open and autosaved; the submit is sent once per page with one idempotency key.
 */
export function ApplicationWizard<F extends object>(props: {
  program: ProgramId;
  blank: () => Promise<F>;
  steps: FormStep<F>[];
}) {
  const STEPS = [...props.steps.map((s) => s.title), '申报材料', '确认提交'];
  const draft = useDraft<F>({
    program: props.program,
    edition: currentEdition(props.program),
    id: useRouter().params.id,
    blank: props.blank,
  });
  const [step, setStep] = useState(0);
  const [strict, setStrict] = useState(false);
  const [pledged, setPledged] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  // One key for this page's submit: a double tap or a retry after a lost reply makes one submission.
  const submitKey = useRef(newIdempotencyKey('submit'));
  useUnload(() => {
    void draft.flush().catch(() => undefined);
  });
  const editable = draft.application?.state === 'draft' || draft.application?.state === 'returned';
  const confirming = step === props.steps.length + 1;
  const { judge } = draft;
  // The policy core's verdict is read when the applicant looks at it, on the confirm step, not on every autosave.
  useEffect(() => {
    if (confirming && editable) judge().catch(toastError);
  }, [confirming, editable, judge]);

  if (submitted) {
    return (
      <View className="dg-page">
        <View className="dg-result" data-testid="submitted">
          <View className="dg-result__icon">✓</View>
          <Text className="dg-result__title">申报已提交</Text>
          <Text className="dg-muted">申报编号 {submitted.trackingNumber}</Text>
        </View>
        <Card title="平台测算">
          <Text className="dg-card__desc">
            {submitted.eligible
              ? `按提交的数据测算，资助上限为 ${formatYuan(submitted.subsidyFen)}，最终以审核认定为准`
              : '按提交的数据测算暂不符合条件，审核人员将逐项核实'}
          </Text>
        </Card>
        <Btn onClick={() => Taro.redirectTo({ url: routes.applicationDetail(submitted.id) })}>
          查看办理进度
        </Btn>
      </View>
    );
  }

  if (!draft.form) {
    return (
      <View className="dg-page">
        {draft.error ? (
          <Alert tone="bad" title="无法打开申报表">
            {draft.error}
          </Alert>
        ) : (
          <Text className="dg-muted">正在准备申报表…</Text>
        )}
      </View>
    );
  }

  const form = draft.form;
  // Warnings wait for the save that checks the latest input, so a field just corrected never shows a stale one.
  const note = noteFrom(draft.dirty && !strict ? [] : draft.issues, strict);

  const submit = async () => {
    if (!pledged) return toastError(new Error('请先勾选真实性承诺'));
    setSubmitting(true);
    try {
      const reply = await draft.submit(submitKey.current);
      setSubmitted({
        id: reply.application.id,
        trackingNumber: reply.trackingNumber,
        subsidyFen: reply.submission.verdict.subsidyFen,
        eligible: reply.submission.verdict.eligible,
      });
    } catch (error) {
      setStrict(true);
      Taro.showModal({ title: '暂不能提交', content: errorMessage(error), showCancel: false });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="dg-page">
      <StepsBar steps={STEPS} current={step} />
      <Text className="dg-save-state" data-testid="save-state">
        {draft.saving
          ? '正在保存…'
          : draft.error
            ? `保存失败：${draft.error}`
            : draft.dirty
              ? '有改动，稍后自动保存'
              : draft.savedAt
                ? '草稿已自动保存'
                : ''}
      </Text>
      {draft.returnReasons.length > 0 && (
        <Alert tone="bad" title="审核退回，请按以下意见补正">
          {draft.returnReasons.map((r) => (
            <View key={r.itemKey}>
              <Text>· {r.reason}</Text>
            </View>
          ))}
        </Alert>
      )}
      {!editable && draft.application && (
        <Alert tone="info" title={`当前状态：${draft.application.stateLabel}`}>
          申报已提交，内容不能再修改
        </Alert>
      )}

      {step < props.steps.length && props.steps[step]!.render(form, draft.setForm, note)}
      {step === props.steps.length && (
        <Card title="申报材料（按指南顺序）">
          <Text className="dg-field__hint">支持 PDF、JPG、PNG，单个文件不超过 20 MB；扫描件请清晰完整</Text>
          {draft.materials.map((m) => (
            <MaterialItemView
              key={m.key}
              item={m}
              disabled={!editable}
              files={m.files.map((f) => ({ id: f.id, name: f.originalName, sizeBytes: f.sizeBytes }))}
              onUploaded={(file) => draft.attach(m.key, file.id)}
              onRemove={(fileId) => void draft.detach(m.key, fileId).catch(toastError)}
            />
          ))}
        </Card>
      )}
      {confirming && (
        <ConfirmStep
          issues={draft.issues}
          materials={draft.materials}
          findings={draft.findings}
          judging={draft.judging}
          pledged={pledged}
          onPledge={setPledged}
        />
      )}

      <View className="dg-footer-bar">
        <View className="dg-row">
          {step > 0 && (
            <Btn ghost onClick={() => setStep(step - 1)}>
              上一步
            </Btn>
          )}
          {step < STEPS.length - 1 ? (
            <Btn onClick={() => setStep(step + 1)}>下一步</Btn>
          ) : (
            <Btn disabled={!editable || !pledged} loading={submitting} onClick={submit}>
              确认提交
            </Btn>
          )}
        </View>
      </View>
    </View>
  );
}
