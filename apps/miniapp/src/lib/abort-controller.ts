/**
 * The WeChat runtime has no AbortController, and tRPC's client creates one for every call (observableToPromise).
 * This is the small part of it tRPC uses — `signal.aborted`, `signal.reason`, abort listeners — installed only
 * where the platform lacks the real one (the browser build keeps its own).
 */
type Listener = (event: { type: 'abort' }) => void;

export class AbortSignalShim {
  aborted = false;
  reason: unknown = undefined;
  onabort: Listener | null = null;
  private readonly listeners = new Set<Listener>();

  addEventListener(type: string, listener: Listener): void {
    if (type === 'abort') this.listeners.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type === 'abort') this.listeners.delete(listener);
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  /** @internal the controller's side */
  fire(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? new Error('已取消');
    const event = { type: 'abort' as const };
    for (const listener of [...this.listeners]) listener(event);
    this.onabort?.(event);
  }
}

export class AbortControllerShim {
  readonly signal = new AbortSignalShim();

  abort(reason?: unknown): void {
    this.signal.fire(reason);
  }
}

export function installAbortController(root: Record<string, unknown>): void {
  if (typeof root.AbortController === 'function') return;
  root.AbortController = AbortControllerShim;
  root.AbortSignal = AbortSignalShim;
}
