import type { Role } from '@dg/policy';
import { hashPassword } from '../services/auth/passwords';
import type { SeedStep } from './context';

/** Every demo staff login shares this password (printed at seed time and listed in the README). */
export const DEMO_PASSWORD = 'dg-demo-2026';

export interface DemoStaff {
  login: string;
  displayName: string;
  role: Role;
  townCode?: string;
}

export const demoStaff: readonly DemoStaff[] = [
  { login: 'admin', displayName: '系统管理员', role: 'admin' },
  { login: 'city1', displayName: '市工信局形式审查员 王敏', role: 'city_reviewer' },
  { login: 'city2', displayName: '市科技局形式审查员 李强', role: 'city_reviewer' },
  {
    login: 'town-songshanhu',
    displayName: '松山湖复核员 陈静',
    role: 'town_reviewer',
    townCode: 'songshanhu',
  },
  { login: 'town-changan', displayName: '长安镇复核员 黄伟', role: 'town_reviewer', townCode: 'changan' },
  { login: 'town-humen', displayName: '虎门镇复核员 林芳', role: 'town_reviewer', townCode: 'humen' },
  { login: 'expert1', displayName: '评审专家 周教授', role: 'expert' },
  { login: 'expert2', displayName: '评审专家 吴工', role: 'expert' },
  { login: 'expert3', displayName: '评审专家 郑博士', role: 'expert' },
  { login: 'approver1', displayName: '审定人 刘处长', role: 'approver' },
  { login: 'finance1', displayName: '财务 何会计', role: 'finance' },
  { login: 'finance2', displayName: '财务 罗出纳', role: 'finance' },
  { login: 'edge-op', displayName: '边端智算网络平台运营', role: 'edge_operator' },
  { login: 'compute-op', displayName: '算力服务平台运营', role: 'compute_operator' },
];

export const seedStaff: SeedStep = {
  name: 'government and platform staff',
  async run({ trx, refs }) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const person of demoStaff) {
      const user = await trx
        .insertInto('users')
        .values({
          login: person.login,
          display_name: person.displayName,
          role: person.role,
          town_code: person.townCode ?? null,
          password_hash: passwordHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      refs.users.set(person.login, user.id);
    }
  },
};
