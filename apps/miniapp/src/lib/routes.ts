/** Every page path in one place, so a moved page is one edit (paths match app.config.ts). */
import type { ProgramId } from '@dg/policy';

export const routes = {
  home: '/pages/home/index',
  progress: '/pages/progress/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  selfCheck: (program: ProgramId) => `/packages/check/pages/index?program=${program}`,
  apply: (program: ProgramId, applicationId?: string) =>
    `/packages/apply/pages/${program}${applicationId ? `?id=${encodeURIComponent(applicationId)}` : ''}`,
  applicationDetail: (applicationId: string) =>
    `/packages/track/pages/detail?id=${encodeURIComponent(applicationId)}`,
  bindEnterprise: '/packages/account/pages/bind',
  registerEnterprise: '/packages/account/pages/register',
  edgeNodes: '/packages/projects/pages/edge-nodes',
  rdProjects: '/packages/projects/pages/rd',
};
