import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES build: the CommonJS entry (antd/locale/zh_CN) reaches the browser wrapped in { default }, and antd then
// silently falls back to English.
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { SessionGate } from '../session/session';
import { governmentTheme } from './theme';
import './styles.css';

dayjs.locale('zh-cn');

interface AppRootProps {
  login: ReactNode;
  children: ReactNode;
}

/** Everything around an app's routes: Chinese locale, theme, query cache, router, and the session gate. */
export function AppRoot({ login, children }: AppRootProps) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider locale={zhCN} theme={governmentTheme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionGate login={login}>{children}</SessionGate>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
