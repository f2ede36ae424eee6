import { AppRoot, LoginPage } from '@dg/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReviewerRoutes } from './routes';
import { PLATFORM, SYSTEM } from './system';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppRoot login={<LoginPage system={SYSTEM} platform={PLATFORM} />}>
      <ReviewerRoutes />
    </AppRoot>
  </StrictMode>,
);
