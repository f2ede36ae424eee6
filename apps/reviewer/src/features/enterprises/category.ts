import type { ApplicantCategory } from '@dg/policy';

/** How the application form (附件1) names an applicant's category. */
export const categoryLabels: Record<ApplicantCategory, string> = {
  manufacturing: '制造企业',
  software: '软信企业',
  university: '高校',
  research_institute: '科研院所',
  new_rnd_institution: '新型研发机构',
  other: '其他',
};
