/**
 * GEN — the rules every program shares (shared/POLICY.md). Each check takes the article of the program at hand,
 * since the same rule is worded in 细则 4 for R&D, 细则 17 for edge deployment and 通知 二 for the voucher.
 */
import type { IsoDate } from '../dates';
import type { Participant } from '../facts';
import type { ParameterVersion } from '../params/table';
import { usccCheckCharacter } from '../validators/uscc';
import { defineRule, type Finding, finding } from '../verdict';

export const GEN1 = defineRule({
  id: 'GEN-1',
  program: 'general',
  article: '细则 4(一), 17(一); 通知 二(一)',
  title: '牵头申报单位在莞实体经营（算力券：在莞注册、具有独立法人资格）',
});
export const GEN2 = defineRule({
  id: 'GEN-2',
  program: 'general',
  article: '细则 4(四), 17(三); 通知 二(四)',
  title: '未列入经营异常名录或严重违法失信名单，不属于财政资金不予资助情形',
});
export const GEN3 = defineRule({
  id: 'GEN-3',
  program: 'general',
  article: '细则 4(二), 17(二)',
  title: '同一项目牵头和参与单位原则上不超过3家',
});
export const GEN4 = defineRule({
  id: 'GEN-4',
  program: 'general',
  article: '细则 25; 指南 四',
  title: '同一项目不重复享受财政资金资助（就高、从优、不重复享受）',
});
export const GEN5 = defineRule({
  id: 'GEN-5',
  program: 'general',
  article: '细则 25',
  title: '细则有效期至2027年12月31日，比例、上限、门槛和时间按年度指南版本确定',
});
export const GEN6 = defineRule({
  id: 'GEN-6',
  program: 'general',
  article: '细则 14',
  title: '存在作假或科研失信行为的单位纳入科研失信记录并限制申报',
});
/** Working days are counted by the calendar module (src/calendar); listed here so the catalogue is complete. */
export const GEN7 = defineRule({
  id: 'GEN-7',
  program: 'general',
  article: '细则 7(四), 20(四)',
  title: '公示5个工作日（按法定节假日和调休计算）',
});

export const generalRules = [GEN1, GEN2, GEN3, GEN4, GEN5, GEN6, GEN7] as const;

/** What GEN-2 and GEN-6 read of an applicant, whichever program it applies to. */
interface ListedApplicant {
  abnormalOperationListed: boolean;
  seriousDishonestyListed: boolean;
  fiscalFundingExcluded: boolean;
  researchDishonestyRecorded: boolean;
}

/**
 * GEN-1 identifies the unit by its 统一社会信用代码. A code whose check character disagrees with GB 32100-2015 is
 * most often a typo in the form: a warning for the reviewer to compare with the business licence, not a refusal.
 */
export function checkUsccCheckCharacter(applicant: { uscc: string }, article: string): Finding[] {
  const expected = usccCheckCharacter(applicant.uscc.slice(0, 17));
  return applicant.uscc[17] === expected
    ? []
    : [
        finding(
          GEN1,
          'warning',
          `统一社会信用代码 ${applicant.uscc} 的校验位与国家标准（GB 32100-2015）不符（按前17位应为“${expected}”），请核对营业执照，审核以营业执照为准。`,
          article,
        ),
      ];
}

/** GEN-1 as the 细则 words it: the lead applicant operates physically in Dongguan. */
export function checkOperatingInDongguan(
  applicant: { operatingInDongguan: boolean },
  article: string,
): Finding[] {
  return applicant.operatingInDongguan
    ? []
    : [finding(GEN1, 'blocking', '牵头申报单位须在东莞实体经营。', article)];
}

/** GEN-1 as the voucher notice words it: registered in Dongguan, with independent legal personality. */
export function checkRegisteredInDongguan(
  applicant: { registeredInDongguan: boolean; independentLegalPerson: boolean },
  article: string,
): Finding[] {
  const found: Finding[] = [];
  if (!applicant.registeredInDongguan) {
    found.push(finding(GEN1, 'blocking', '申报单位须在东莞市行政区域内注册。', article));
  }
  if (!applicant.independentLegalPerson) {
    found.push(finding(GEN1, 'blocking', '申报单位须具有独立法人资格。', article));
  }
  return found;
}

/** GEN-2: the lead applicant and every participant are off the abnormal-operation and dishonesty lists. */
export function checkNotListed(
  applicant: ListedApplicant,
  participants: readonly Participant[],
  article: string,
): Finding[] {
  const found: Finding[] = [];
  if (applicant.abnormalOperationListed) {
    found.push(finding(GEN2, 'blocking', '申报单位被列入经营异常名录，不予资助。', article));
  }
  if (applicant.seriousDishonestyListed) {
    found.push(finding(GEN2, 'blocking', '申报单位被列入严重违法失信名单，不予资助。', article));
  }
  if (applicant.fiscalFundingExcluded) {
    found.push(finding(GEN2, 'blocking', '申报单位属于市财政资金不予资助的情形。', article));
  }
  for (const p of participants) {
    if (p.abnormalOperationListed || p.seriousDishonestyListed) {
      const list = p.abnormalOperationListed ? '经营异常名录' : '严重违法失信名单';
      found.push(finding(GEN2, 'blocking', `参与单位“${p.name}”被列入${list}，不予资助。`, article));
    }
  }
  return found;
}

/** GEN-3 (Reading): "原则上" makes more than the maximum a warning that needs a written justification. */
export function checkUnitCount(
  participants: readonly Participant[],
  maxUnits: number,
  article: string,
): Finding[] {
  const units = participants.length + 1;
  return units > maxUnits
    ? [
        finding(
          GEN3,
          'warning',
          `本项目牵头和参与单位共${units}家，超过原则上不超过${maxUnits}家的要求，须书面说明理由，由审核人员判断。`,
          article,
        ),
      ]
    : [];
}

/** GEN-4: a project already funded from other fiscal funds is not funded again. */
export function checkNotFundedTwice(
  fundedByOtherFiscalFunds: boolean | undefined,
  article: string,
): Finding[] {
  return fundedByOtherFiscalFunds
    ? [
        finding(
          GEN4,
          'blocking',
          '同一项目已获其他财政资金资助，按“就高、从优、不重复享受”原则不再重复资助。',
          article,
        ),
      ]
    : [];
}

/** GEN-5: the parameters as of `asOf` are out of force (before the notice, or after the 细则 expires). */
export function outOfForceFinding(outOfForce: ParameterVersion, asOf: IsoDate, article: string): Finding {
  const why = outOfForce.note ?? '该日期不在政策有效期内';
  return finding(
    GEN5,
    'blocking',
    `${asOf}不在本政策版本（${outOfForce.edition}）的有效期内：${why}。`,
    article,
  );
}

/** GEN-6: a unit on the research dishonesty record is restricted from applying. */
export function checkResearchIntegrity(applicant: ListedApplicant, article: string): Finding[] {
  return applicant.researchDishonestyRecorded
    ? [finding(GEN6, 'blocking', '申报单位已被纳入科研失信行为记录，在限制期内不得申报财政资助。', article)]
    : [];
}
