import { useLaunch } from '@tarojs/taro';
import { installAbortController } from './lib/abort-controller';
import type { PropsWithChildren } from 'react';
import { refreshMe } from './api/account';
import './app.css';

installAbortController(globalThis as unknown as Record<string, unknown>);

export default function App({ children }: PropsWithChildren) {
  // A stale or revoked session is found out at launch rather than on the first tap.
  useLaunch(() => {
    refreshMe().catch(() => undefined);
  });
  return children;
}
