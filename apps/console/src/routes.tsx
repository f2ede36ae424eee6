import { AppShell, useSession } from '@dg/ui';
import { Navigate, Route, Routes } from 'react-router';
import { FleetPage } from './features/fleet/FleetPage';
import { NodeDetailPage } from './features/nodes/NodeDetailPage';
import { NodesPage } from './features/nodes/NodesPage';
import { Op2ReportPage } from './features/report/Op2ReportPage';
import { BulkTokensPage } from './features/tokens/BulkTokensPage';
import { consoleNav } from './nav';
import { SYSTEM } from './system';

/** Operators land on the fleet; readers of the counts only (reviewers, finance) on the OP-2 report. */
function Home() {
  const { user } = useSession();
  return <Navigate to={['edge_operator', 'admin'].includes(user.role) ? '/fleet' : '/op2'} replace />;
}

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route element={<AppShell system={SYSTEM} nav={consoleNav} />}>
        <Route index element={<Home />} />
        <Route path="fleet" element={<FleetPage />} />
        <Route path="nodes" element={<NodesPage />} />
        <Route path="nodes/:id" element={<NodeDetailPage />} />
        <Route path="tokens" element={<BulkTokensPage />} />
        <Route path="op2" element={<Op2ReportPage />} />
        <Route path="*" element={<Home />} />
      </Route>
    </Routes>
  );
}
