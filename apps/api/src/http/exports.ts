import type { Role } from '@dg/policy';
import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { forbidden, notFound, unauthorized } from '../errors';
import { GOVERNMENT } from '../routers/after-review-access';
import { clockOf } from '../services/applications/clock';
import { findApplication } from '../services/applications/load';
import { bundleOf } from '../services/exports/load-bundle';
import { fundingPlanWorkbook, noticeWorkbook } from '../services/exports/xlsx';
import { fundingPlanDetail } from '../services/funding/plans';
import { noticeList } from '../services/notices/batches';
import { visibleToReviewer } from '../services/reviews/visibility';
import type { AppEnv, RequestContext } from './request-context';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UUID = /^[0-9a-f-]{36}$/i;

function actorIn(c: RequestContext, roles: readonly Role[]) {
  const actor = c.var.actor;
  if (!actor) throw unauthorized();
  if (!roles.includes(actor.role)) throw forbidden();
  return actor;
}

function download(bytes: Uint8Array, type: string, fileName: string) {
  return new Response(bytes, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}

/**
 * Downloads over plain HTTP (the session cookie or bearer token authorizes them like any procedure):
 *   GET /exports/notices/:id.xlsx              the notice list (government roles)
 *   GET /exports/funding-plans/:id.xlsx        the 资助计划 (government roles)
 *   GET /exports/applications/:id/bundle.pdf   the printable bundle (the applicant's staff, or a reviewer who may see it)
 */
export function exportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/notices/:file{[0-9a-f-]{36}\\.xlsx}', async (c) => {
    actorIn(c, GOVERNMENT);
    const id = c.req.param('file').slice(0, 36);
    const notice = await noticeList(deps.db, id);
    return download(await noticeWorkbook(notice), XLSX, `${notice.title}.xlsx`);
  });
  app.get('/funding-plans/:file{[0-9a-f-]{36}\\.xlsx}', async (c) => {
    actorIn(c, GOVERNMENT);
    const plan = await fundingPlanDetail(deps.db, c.req.param('file').slice(0, 36));
    return download(await fundingPlanWorkbook(plan), XLSX, `${plan.title}.xlsx`);
  });
  app.get('/applications/:id/bundle.pdf', async (c) => {
    const actor = actorIn(c, ['enterprise_staff', ...GOVERNMENT]);
    const id = c.req.param('id');
    if (!UUID.test(id)) throw notFound('申报不存在或无权查看');
    const loaded = await findApplication(deps.db, id);
    const allowed =
      loaded &&
      (actor.role === 'enterprise_staff'
        ? actor.activeEnterprise?.id === loaded.application.enterprise_id
        : await visibleToReviewer(deps.db, actor, loaded));
    if (!allowed) throw notFound('申报不存在或无权查看');
    const { pdf, fileName } = await bundleOf(deps.db, deps.fileStore, id, clockOf({ deps }));
    return download(pdf, 'application/pdf', fileName);
  });
  return app;
}
