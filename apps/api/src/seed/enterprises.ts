import { type ApplicantCategory, usccCheckCharacter } from '@dg/policy';
import type { SeedStep } from './context';

export interface DemoEnterprise {
  key: string;
  /** The first 17 characters of the USCC; the check character is computed (GB 32100-2015). */
  usccBody: string;
  name: string;
  category: ApplicantCategory;
  townCode: string;
  industrial: boolean;
  legalRepName: string;
  legalRepMobile: string;
  address: string;
  /** Enterprise staff: WeChat dev code (log in to the mini-program with it) → member role. */
  staff: Record<string, 'owner' | 'member'>;
}

export const demoEnterprises: readonly DemoEnterprise[] = [
  {
    key: 'songshanhu-robotics',
    usccBody: '91441900MA4UJ8XX5',
    name: '东莞松湖智能装备有限公司',
    category: 'manufacturing',
    townCode: 'songshanhu',
    industrial: true,
    legalRepName: '张立新',
    legalRepMobile: '13800138001',
    address: '东莞市松山湖高新区工业东路 18 号',
    staff: { zhang: 'owner', li: 'member' },
  },
  {
    key: 'changan-molds',
    usccBody: '91441900MA51234K8',
    name: '东莞长安精密模具有限公司',
    category: 'manufacturing',
    townCode: 'changan',
    industrial: true,
    legalRepName: '陈国华',
    legalRepMobile: '13800138002',
    address: '东莞市长安镇乌沙社区兴发路 6 号',
    staff: { chen: 'owner', zhang: 'member' },
  },
  {
    key: 'humen-apparel',
    usccBody: '91441900MA5ABCD12',
    name: '东莞虎门服饰科技有限公司',
    category: 'manufacturing',
    townCode: 'humen',
    industrial: true,
    legalRepName: '林晓燕',
    legalRepMobile: '13800138003',
    address: '东莞市虎门镇连升路 99 号',
    staff: { lin: 'owner' },
  },
  {
    key: 'nancheng-software',
    usccBody: '91441900MA5EFGH34',
    name: '东莞南城数智软件有限公司',
    category: 'software',
    townCode: 'nancheng',
    industrial: false,
    legalRepName: '黄志强',
    legalRepMobile: '13800138004',
    address: '东莞市南城街道鸿福路 200 号',
    staff: { huang: 'owner' },
  },
  {
    key: 'dalang-textile',
    usccBody: '91441900MA5JKLM56',
    name: '东莞大朗毛织智造有限公司',
    category: 'manufacturing',
    townCode: 'dalang',
    industrial: true,
    legalRepName: '刘建军',
    legalRepMobile: '13800138005',
    address: '东莞市大朗镇美景西路 3 号',
    staff: { liu: 'owner' },
  },
  {
    key: 'songshanhu-institute',
    usccBody: '12441900MB2C3D4E5',
    name: '东莞松山湖人工智能研究院',
    category: 'new_rnd_institution',
    townCode: 'songshanhu',
    industrial: false,
    legalRepName: '王博',
    legalRepMobile: '13800138006',
    address: '东莞市松山湖高新区大学路 1 号',
    staff: { wang: 'owner' },
  },
];

export function demoUscc(enterprise: Pick<DemoEnterprise, 'usccBody'>): string {
  return enterprise.usccBody + usccCheckCharacter(enterprise.usccBody);
}

const WECHAT_NAMES: Record<string, string> = {
  zhang: '张经理',
  li: '李会计',
  chen: '陈总',
  lin: '林主管',
  huang: '黄工',
  liu: '刘厂长',
  wang: '王主任',
};

export const seedEnterprises: SeedStep = {
  name: 'enterprises and their WeChat staff',
  async run({ trx, refs }) {
    for (const e of demoEnterprises) {
      const row = await trx
        .insertInto('enterprises')
        .values({
          uscc: demoUscc(e),
          name: e.name,
          category: e.category,
          town_code: e.townCode,
          industrial: e.industrial,
          credit_checked_at: new Date(),
          credit_source: '信用中国（演示数据）',
          bank_account_name: e.name,
          bank_name: '中国工商银行东莞分行',
          bank_account_number: `6222${e.legalRepMobile.slice(-8)}0000${e.legalRepMobile.slice(-4)}`,
          legal_rep_name: e.legalRepName,
          legal_rep_mobile: e.legalRepMobile,
          address: e.address,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      refs.enterprises.set(e.key, row.id);
      for (const [code, memberRole] of Object.entries(e.staff)) {
        let userId = refs.users.get(code);
        if (!userId) {
          const user = await trx
            .insertInto('users')
            .values({
              display_name: WECHAT_NAMES[code] ?? code,
              wechat_openid: `dev:${code}`,
              role: 'enterprise_staff',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          userId = user.id;
          refs.users.set(code, userId);
        }
        await trx
          .insertInto('enterprise_members')
          .values({ enterprise_id: row.id, user_id: userId, member_role: memberRole })
          .execute();
      }
    }
  },
};
