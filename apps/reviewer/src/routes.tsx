import { AppShell } from '@dg/ui';
import { Navigate, Route, Routes } from 'react-router';
import { ApplicationDetailPage } from './features/applications/ApplicationDetailPage';
import { BudgetsPage } from './features/budgets/BudgetsPage';
import { ConflictsPage } from './features/conflicts/ConflictsPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { EnterpriseDetailPage } from './features/enterprises/EnterpriseDetailPage';
import { EnterpriseListPage } from './features/enterprises/EnterpriseListPage';
import { FundingPlanDetailPage } from './features/funding-plans/FundingPlanDetailPage';
import { FundingPlansPage } from './features/funding-plans/FundingPlansPage';
import { HolidaysPage } from './features/holidays/HolidaysPage';
import { QueuePage } from './features/queue/QueuePage';
import { NoticeDetailPage } from './features/notices/NoticeDetailPage';
import { NoticesPage } from './features/notices/NoticesPage';
import { PaymentDetailPage } from './features/payments/PaymentDetailPage';
import { PaymentsPage } from './features/payments/PaymentsPage';
import { reviewerNav } from './nav';
import { SYSTEM } from './system';

export function ReviewerRoutes() {
  return (
    <Routes>
      <Route element={<AppShell system={SYSTEM} nav={reviewerNav} />}>
        <Route index element={<Navigate to="/queue" replace />} />
        <Route path="queue" element={<QueuePage />} />
        <Route path="applications/:id" element={<ApplicationDetailPage />} />
        <Route path="notices" element={<NoticesPage />} />
        <Route path="notices/:id" element={<NoticeDetailPage />} />
        <Route path="payments" element={<PaymentsPage />} />
        <Route path="payments/:id" element={<PaymentDetailPage />} />
        <Route path="budgets" element={<BudgetsPage />} />
        <Route path="funding-plans" element={<FundingPlansPage />} />
        <Route path="funding-plans/:id" element={<FundingPlanDetailPage />} />
        <Route path="holidays" element={<HolidaysPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="conflicts" element={<ConflictsPage />} />
        <Route path="enterprises" element={<EnterpriseListPage />} />
        <Route path="enterprises/:id" element={<EnterpriseDetailPage />} />
        <Route path="*" element={<Navigate to="/queue" replace />} />
      </Route>
    </Routes>
  );
}
