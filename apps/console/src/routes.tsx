import { AppShell, useSession } from '@dg/ui';
import { Navigate, Route, Routes } from 'react-router';
import { AccountsPage } from './features/compute/AccountsPage';
import { OrdersPage } from './features/compute/OrdersPage';
import { ProductsPage } from './features/compute/ProductsPage';
import { FleetPage } from './features/fleet/FleetPage';
import { NodeDetailPage } from './features/nodes/NodeDetailPage';
import { NodesPage } from './features/nodes/NodesPage';
import { Op2ReportPage } from './features/report/Op2ReportPage';
import { BulkTokensPage } from './features/tokens/BulkTokensPage';
import { consoleNav } from './nav';
import { SYSTEM } from './system';

/** Each operator lands on their platform; readers of the counts only (reviewers, finance) on the OP-2 report. */
function Home() {
  const { user } = useSession();
  const home =
    user.role === 'compute_operator'
      ? '/products'
      : ['edge_operator', 'admin'].includes(user.role)
        ? '/fleet'
        : '/op2';
  return <Navigate to={home} replace />;
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
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="op2" element={<Op2ReportPage />} />
        <Route path="*" element={<Home />} />
      </Route>
    </Routes>
  );
}
