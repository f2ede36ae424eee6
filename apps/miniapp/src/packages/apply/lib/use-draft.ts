/**
 * One application being edited: created as a draft the moment the page opens (so materials can attach at once),
 * then autosaved a moment after each change. Every write goes through one queue, since each bumps the
 * application's version and the next write must carry it (optimistic locking on the server).
 */
import Taro from '@tarojs/taro';
import type { RouterOutputs } from '@dg/api';
import type { ProgramId } from '@dg/policy';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../../api/client';
import { newIdempotencyKey } from '../../../lib/idempotency';

export type Detail = RouterOutputs['applications']['get'];
export type Summary = Detail['application'];
export type Issue = { path: string; message: string };
export type Finding = RouterOutputs['applications']['draftVerdict']['findings'][number];

const AUTOSAVE_MS = 1000;
const PENDING_CREATE_KEY = 'dg.pendingDraftKey';

export interface DraftState<F> {
  form: F | null;
  application: Summary | null;
  materials: Detail['materials'];
  issues: Issue[];
  /** The policy core's verdict on the saved form, read for the confirm step (`judge`), not on every save. */
  findings: Finding[];
  /** The verdict is being read. */
  judging: boolean;
  returnReasons: Detail['returnReasons'];
  saving: boolean;
  /** Edited since the last save: the server's issues describe an older form until the next save answers. */
  dirty: boolean;
  savedAt: Date | null;
  error: string | null;
}

export function useDraft<F extends object>(opts: {
  program: ProgramId;
  edition: string;
  id: string | undefined;
  blank: () => Promise<F>;
}) {
  const [state, setState] = useState<DraftState<F>>({
    form: null,
    application: null,
    materials: [],
    issues: [],
    findings: [],
    judging: false,
    returnReasons: [],
    saving: false,
    dirty: false,
    savedAt: null,
    error: null,
  });
  const version = useRef(0);
  const id = useRef<string | undefined>(opts.id);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestForm = useRef<F | null>(null);

  const patch = useCallback((p: Partial<DraftState<F>>) => setState((s) => ({ ...s, ...p })), []);

  /** Runs one write after the previous one, with the version the previous one left. */
  const enqueue = useCallback(<T>(write: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(write, write);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const adoptDetail = useCallback(
    (detail: Detail) => {
      version.current = detail.application.version;
      patch({
        application: detail.application,
        materials: detail.materials,
        returnReasons: detail.returnReasons,
      });
    },
    [patch],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: opening (or creating) the draft happens once per page
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        if (id.current) {
          const detail = await api.applications.get.query({ id: id.current });
          if (cancelled) return;
          latestForm.current = detail.form as F;
          adoptDetail(detail);
          patch({ form: detail.form as F });
          return;
        }
        const form = await opts.blank();
        // A create retried after a lost reply must not make a second draft: the key survives until it succeeds.
        const key = (Taro.getStorageSync(PENDING_CREATE_KEY) as string) || newIdempotencyKey('draft');
        Taro.setStorageSync(PENDING_CREATE_KEY, key);
        const reply = await api.applications.saveDraft.mutate({
          program: opts.program,
          edition: opts.edition,
          form: form as Record<string, unknown>,
          idempotencyKey: key,
        });
        Taro.removeStorageSync(PENDING_CREATE_KEY);
        if (cancelled) return;
        id.current = reply.application.id;
        latestForm.current = form;
        const detail = await api.applications.get.query({ id: reply.application.id });
        adoptDetail(detail);
        patch({ form, issues: reply.issues, savedAt: new Date() });
      } catch (error) {
        if (!cancelled) patch({ error: errorMessage(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const save = useCallback(
    () =>
      enqueue(async () => {
        const form = latestForm.current;
        if (!id.current || !form) return;
        patch({ saving: true });
        try {
          const reply = await api.applications.saveDraft.mutate({
            id: id.current,
            version: version.current,
            form: form as Record<string, unknown>,
          });
          version.current = reply.application.version;
          patch({
            application: reply.application,
            issues: reply.issues,
            savedAt: new Date(),
            error: null,
            // Still dirty when the user typed on while this save was in flight: another save is scheduled.
            dirty: latestForm.current !== form,
          });
        } catch (error) {
          patch({ error: errorMessage(error) });
          throw error;
        } finally {
          patch({ saving: false });
        }
      }),
    [enqueue, patch],
  );

  const setForm = useCallback(
    (form: F) => {
      latestForm.current = form;
      patch({ form, dirty: true });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save().catch(() => undefined), AUTOSAVE_MS);
    },
    [save, patch],
  );

  /** Saves now (before submit or leaving the page). */
  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
      await save();
    }
    await queue.current;
  }, [save]);

  /** Saves what is pending, then asks for the policy core's verdict on the form as saved. */
  const judge = useCallback(async () => {
    patch({ findings: [], judging: true });
    try {
      await flush();
      if (!id.current) return;
      const verdict = await api.applications.draftVerdict.query({ id: id.current });
      patch({ issues: verdict.issues, findings: verdict.findings });
    } finally {
      patch({ judging: false });
    }
  }, [flush, patch]);

  const attach = useCallback(
    (itemKey: string, fileId: string) =>
      enqueue(async () => {
        adoptDetail(
          await api.applications.attachMaterial.mutate({
            id: id.current!,
            version: version.current,
            itemKey,
            fileId,
          }),
        );
      }),
    [enqueue, adoptDetail],
  );

  const detach = useCallback(
    (itemKey: string, fileId: string) =>
      enqueue(async () => {
        adoptDetail(
          await api.applications.detachMaterial.mutate({
            id: id.current!,
            version: version.current,
            itemKey,
            fileId,
          }),
        );
      }),
    [enqueue, adoptDetail],
  );

  const submit = useCallback(
    async (idempotencyKey: string) => {
      await flush();
      return enqueue(async () => {
        const reply = await api.applications.submit.mutate({
          id: id.current!,
          version: version.current,
          idempotencyKey,
        });
        version.current = reply.application.version;
        patch({ application: reply.application });
        return reply;
      });
    },
    [enqueue, flush, patch],
  );

  return { ...state, setForm, flush, judge, attach, detach, submit };
}
