import { AppShell } from '@dg/ui';
import { Navigate, Route, Routes } from 'react-router';
import { EnterpriseDetailPage } from './features/enterprises/EnterpriseDetailPage';
import { EnterpriseListPage } from './features/enterprises/EnterpriseListPage';
import { reviewerNav } from './nav';
import { SYSTEM } from './system';

export function ReviewerRoutes() {
  return (
    <Routes>
      <Route element={<AppShell system={SYSTEM} nav={reviewerNav} />}>
        <Route index element={<Navigate to="/queue" replace />} />
        <Route path="enterprises" element={<EnterpriseListPage />} />
        <Route path="enterprises/:id" element={<EnterpriseDetailPage />} />
        <Route path="*" element={<Navigate to="/queue" replace />} />
      </Route>
    </Routes>
  );
}
