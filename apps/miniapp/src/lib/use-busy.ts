import { useState } from 'react';
import { toastError, toastOk } from './toast';

/**
 * A page's busy flag (its buttons show it) and the runner that holds it around one piece of work: a failure is shown
 * as a toast, success as `done` when given.
 */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) toastOk(done);
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
