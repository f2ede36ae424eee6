import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { api } from '../api/client';

export type SessionUser = NonNullable<Awaited<ReturnType<typeof api.auth.me.query>>>;

interface SessionValue {
  user: SessionUser;
  logout: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

const ME_KEY = ['auth.me'] as const;

/** The signed-in staff member; only usable below <SessionGate>. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession 只能在 SessionGate 之内使用');
  return value;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { login: string; password: string }) => api.auth.staffLogin.mutate(input),
    onSuccess: (result) => queryClient.setQueryData(ME_KEY, result.me),
  });
}

/** Shows `login` until the API recognises the session cookie, then the app with the user in context. */
export function SessionGate({ login, children }: { login: ReactNode; children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: () => api.auth.me.query() });
  const logout = useMutation({
    mutationFn: () => api.auth.logout.mutate(),
    // Nothing cached under one person may be shown to the next one on this browser.
    onSettled: () => queryClient.clear(),
  });

  if (me.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" tip="正在加载…">
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  }
  // No session (UNAUTHORIZED) or an expired one: the login page; the API's verdict is the only one that counts.
  if (!me.data) return <>{login}</>;
  return (
    <SessionContext.Provider value={{ user: me.data, logout: () => logout.mutate() }}>
      {children}
    </SessionContext.Provider>
  );
}
