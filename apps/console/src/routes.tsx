import { AppShell } from '@dg/ui';
import { Navigate, Route, Routes } from 'react-router';
import { consoleNav } from './nav';
import { SYSTEM } from './system';

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route element={<AppShell system={SYSTEM} nav={consoleNav} />}>
        <Route index element={<Navigate to="/nodes" replace />} />
        <Route path="*" element={<Navigate to="/nodes" replace />} />
      </Route>
    </Routes>
  );
}
