import type { TRPCRouterRecord } from '@trpc/server';
import { holidayYearSchema, holidayYearsOutput, saveHolidayArrangementInput } from '../schemas/calendar';
import { clockOf } from '../services/applications/clock';
import { auditOrigin } from '../services/audit/origin';
import { listHolidayYears, saveHolidayArrangement } from '../services/calendar/holidays';
import { procedureFor } from '../trpc';
import { compiled } from '../output-validation';
import { STAFF_ROLES } from '../authz/roles';

/** GEN-7's holiday calendar: every staff member may see which years it covers; administrators enter a new year. */
export const calendarRouter = {
  holidayYears: procedureFor(STAFF_ROLES)
    .output(compiled(holidayYearsOutput))
    .query(({ ctx }) => listHolidayYears(ctx.deps.db)),

  saveHolidayArrangement: procedureFor(['admin'])
    .input(saveHolidayArrangementInput)
    .output(compiled(holidayYearSchema))
    .mutation(({ ctx, input }) =>
      saveHolidayArrangement(
        ctx.deps.db,
        auditOrigin(ctx.actor, ctx.requestId),
        ctx.actor.userId,
        input,
        clockOf(ctx),
      ),
    ),
} satisfies TRPCRouterRecord;
