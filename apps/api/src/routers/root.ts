import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc';
import { applicationsRouter } from './applications';
import { authRouter } from './auth';
import { computeRouter } from './compute';
import { edgeRouter } from './edge';
import { enterprisesRouter } from './enterprises';
import { filesRouter } from './files';
import { reviewsRouter } from './reviews';
import { budgetsRouter } from './budgets';
import { calendarRouter } from './calendar';
import { contractsRouter } from './contracts';
import { duplicatesRouter } from './duplicates';
import { fundingPlansRouter } from './funding-plans';
import { matchingRouter } from './matching';
import { noticesRouter } from './notices';
import { notificationsRouter } from './notifications';
import { opinionsRouter } from './opinions';
import { paymentsRouter } from './payments';
import { statsRouter } from './stats';
import { usersRouter } from './users';

/** Every domain router, by name. A new domain: routers/<domain>.ts exporting a record, plus one line here. */
export const appRouter = router({
  auth: authRouter,
  calendar: calendarRouter,
  compute: computeRouter,
  edge: edgeRouter,
  enterprises: enterprisesRouter,
  files: filesRouter,
  users: usersRouter,
  applications: applicationsRouter,
  reviews: reviewsRouter,
  notices: noticesRouter,
  opinions: opinionsRouter,
  fundingPlans: fundingPlansRouter,
  budgets: budgetsRouter,
  payments: paymentsRouter,
  contracts: contractsRouter,
  notifications: notificationsRouter,
  duplicates: duplicatesRouter,
  matching: matchingRouter,
  stats: statsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
