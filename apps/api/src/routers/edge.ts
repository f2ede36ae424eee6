import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Actor } from '../authz/actor';
import type { Role } from '../authz/roles';
import { badRequest, DomainError, notFound } from '../errors';
import { idInput } from '../schemas/common';
import {
  applicationNodeCountSchema,
  edgeAlertSchema,
  edgeAlertsInput,
  edgeMetricPointSchema,
  edgeMetricsInput,
  edgeNodeActionInput,
  edgeNodeListSchema,
  edgeNodeReportSchema,
  edgeNodeSchema,
  enrollmentGrantSchema,
  fleetSummaryInput,
  fleetSummarySchema,
  issueBulkInput,
  listEdgeNodesInput,
  op2ReportSchema,
  op2XlsxSchema,
  op2PeriodInput,
  registerEdgeNodeInput,
  rotateBulkInput,
} from '../schemas/edge';
import { auditOrigin } from '../services/audit/origin';
import type { EdgeContext, EdgeScope } from '../services/edge/context';
import {
  applicationNodeCounts,
  fleetSummary,
  getNode,
  listAlerts,
  listNodes,
  nodeMetrics,
  nodeReport,
} from '../services/edge/fleet';
import {
  actOnNode,
  type EnrollmentGrant,
  issueTokensBulk,
  type NodeAction,
  registerNode,
  rotateBulk,
} from '../services/edge/lifecycle';
import { op2Report } from '../services/edge/op2';
import { op2Workbook } from '../services/edge/op2-xlsx';
import { type Context, procedureFor } from '../trpc';
import { compiled } from '../output-validation';

/** Who runs the edge compute network platform. */
const EDGE_OPERATORS: readonly Role[] = ['edge_operator', 'admin'];
/** Who may see nodes: operators all of them, enterprise staff their own enterprise's. */
const NODE_READERS: readonly Role[] = ['enterprise_staff', 'edge_operator', 'admin'];
/** Who reads the OP-2 connection counts and the EN-7 node counts per deployment application. */
const COUNT_READERS: readonly Role[] = ['edge_operator', 'admin', 'city_reviewer', 'approver', 'finance'];

function scopeOf(actor: Actor): EdgeScope {
  if (actor.role !== 'enterprise_staff') return 'all';
  if (!actor.activeEnterprise) throw new DomainError('FORBIDDEN', '请先绑定或选择企业');
  return { enterpriseId: actor.activeEnterprise.id };
}

function now(ctx: Context): Date {
  return ctx.deps.clock?.() ?? new Date();
}

function edgeContext(ctx: Context & { actor: Actor }): EdgeContext {
  return {
    db: ctx.deps.db,
    env: ctx.deps.env,
    now: () => now(ctx),
    origin: auditOrigin(ctx.actor, ctx.requestId),
    userId: ctx.actor.userId,
  };
}

const presentGrant = (g: EnrollmentGrant) => ({ ...g, expiresAt: g.expiresAt.toISOString() });

const actionOutput = z.object({ node: edgeNodeSchema, grant: enrollmentGrantSchema.nullable() });

function nodeAction(action: NodeAction) {
  return procedureFor(EDGE_OPERATORS)
    .input(edgeNodeActionInput)
    .output(compiled(actionOutput))
    .mutation(async ({ ctx, input }) => {
      const { node, grant } = await actOnNode(edgeContext(ctx), input.id, action, input.note);
      return {
        node: await getNode(ctx.deps.db, 'all', node.id, now(ctx)),
        grant: grant && presentGrant(grant),
      };
    });
}

export const edgeRouter = {
  nodes: {
    list: procedureFor(NODE_READERS)
      .input(listEdgeNodesInput)
      .output(compiled(edgeNodeListSchema))
      .query(({ ctx, input }) => listNodes(ctx.deps.db, scopeOf(ctx.actor), input, now(ctx))),

    get: procedureFor(NODE_READERS)
      .input(idInput)
      .output(compiled(edgeNodeSchema))
      .query(({ ctx, input }) => getNode(ctx.deps.db, scopeOf(ctx.actor), input.id, now(ctx))),

    /** CPU load, memory and accelerator utilisation over time, averaged into at most `points` buckets. */
    metrics: procedureFor(NODE_READERS)
      .input(edgeMetricsInput)
      .output(compiled(z.array(edgeMetricPointSchema)))
      .query(({ ctx, input }) => nodeMetrics(ctx.deps.db, scopeOf(ctx.actor), input, now(ctx))),

    /** Health, app version and models running, as of the node's latest metrics sample; null before its first. */
    report: procedureFor(NODE_READERS)
      .input(idInput)
      .output(compiled(edgeNodeReportSchema.nullable()))
      .query(({ ctx, input }) => nodeReport(ctx.deps.db, scopeOf(ctx.actor), input.id, now(ctx))),

    /** Enterprise staff register for their active enterprise; operators for the enterprise they name. */
    register: procedureFor(NODE_READERS)
      .input(registerEdgeNodeInput)
      .output(compiled(edgeNodeSchema))
      .mutation(async ({ ctx, input }) => {
        const { enterpriseId, enterpriseUscc, ...spec } = input;
        const scope = scopeOf(ctx.actor);
        let target: string;
        if (scope !== 'all') target = scope.enterpriseId;
        else if (enterpriseId) target = enterpriseId;
        else if (enterpriseUscc) {
          const row = await ctx.deps.db
            .selectFrom('enterprises')
            .select('id')
            .where('uscc', '=', enterpriseUscc)
            .executeTakeFirst();
          if (!row) throw notFound('该统一社会信用代码的企业未在平台登记');
          target = row.id;
        } else throw badRequest('请指定节点所属企业');
        const node = await registerNode(edgeContext(ctx), target, spec);
        return getNode(ctx.deps.db, 'all', node.id, now(ctx));
      }),

    /** Review passed: issues a single-use enrollment token (also the way back for a rejected or revoked node). */
    approve: nodeAction('approve'),
    reject: nodeAction('reject'),
    suspend: nodeAction('suspend'),
    resume: nodeAction('resume'),
    /** The credential is dead at once; coming back needs a new approval. */
    revoke: nodeAction('revoke'),
    /** Kills the current credential and issues a fresh enrollment token for the agent to enroll again. */
    rotate: nodeAction('rotate'),
    /** Final: the node never comes back, not with its credential nor by re-enrolling its serial. */
    decommission: nodeAction('decommission'),

    rotateBulk: procedureFor(EDGE_OPERATORS)
      .input(rotateBulkInput)
      .output(compiled(z.array(enrollmentGrantSchema)))
      .mutation(async ({ ctx, input }) => (await rotateBulk(edgeContext(ctx), input.ids)).map(presentGrant)),
  },

  tokens: {
    /** Enrollment tokens for a factory's batch of serials (registering, approving or rotating each as needed). */
    issueBulk: procedureFor(EDGE_OPERATORS)
      .input(issueBulkInput)
      .output(compiled(z.array(enrollmentGrantSchema)))
      .mutation(async ({ ctx, input }) =>
        (await issueTokensBulk(edgeContext(ctx), input.serials, input.register)).map(presentGrant),
      ),
  },

  fleet: {
    summary: procedureFor(NODE_READERS)
      .input(fleetSummaryInput)
      .output(compiled(fleetSummarySchema))
      .query(({ ctx, input }) => {
        const scope = scopeOf(ctx.actor);
        return fleetSummary(
          ctx.deps.db,
          scope === 'all' && input.enterpriseId ? { enterpriseId: input.enterpriseId } : scope,
          now(ctx),
        );
      }),

    alerts: procedureFor(EDGE_OPERATORS)
      .input(edgeAlertsInput)
      .output(compiled(z.array(edgeAlertSchema)))
      .query(({ ctx, input }) => listAlerts(ctx.deps.db, input)),

    /** Per edge-node-deployment application: stations declared vs nodes connected, and the EN-7 node count. */
    byApplication: procedureFor([...COUNT_READERS, 'enterprise_staff'])
      .input(z.object({ applicationId: idInput.shape.id.optional() }).default({}))
      .output(compiled(z.array(applicationNodeCountSchema)))
      .query(({ ctx, input }) => applicationNodeCounts(ctx.deps.db, scopeOf(ctx.actor), input.applicationId)),
  },

  report: {
    /** OP-2: distinct enterprises and nodes connected in a period (Shanghai days, both inclusive). */
    op2: procedureFor(COUNT_READERS)
      .input(op2PeriodInput)
      .output(compiled(op2ReportSchema))
      .query(({ ctx, input }) => op2Report(ctx.deps.db, input, now(ctx))),

    /** The same report as an .xlsx workbook (base64), for download. */
    op2Xlsx: procedureFor(COUNT_READERS)
      .input(op2PeriodInput)
      .output(compiled(op2XlsxSchema))
      .query(async ({ ctx, input }) => {
        const report = await op2Report(ctx.deps.db, input, now(ctx));
        return {
          filename: `OP-2接入统计_${input.from}_${input.to}.xlsx`,
          mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          base64: (await op2Workbook(report)).toString('base64'),
        };
      }),
  },
} satisfies TRPCRouterRecord;
