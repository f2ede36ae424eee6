import { loadCredential, type StoredCredential, saveCredential } from './credential-store';
import { collectHostMetrics, type HeartbeatPayload, type HostInfo } from './metrics';

export type HeartbeatOutcome = 'ok' | 'unauthorized' | 'forbidden' | 'rejected' | 'unavailable';

export interface AgentEvent {
  type: 'enrolled' | 'heartbeat' | 'backoff' | 'stopped';
  outcome?: HeartbeatOutcome;
  delayMs?: number;
  reason?: string;
  detail?: string;
}

export interface AgentOptions extends HostInfo {
  platformUrl: string;
  serial: string;
  credentialFile: string;
  /** An enrollment token; used when there is no stored credential (or the stored one was refused). */
  token?: string;
  /** Override the interval the platform gave at enrollment (tests, benchmarks). */
  intervalMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  /** The body of each heartbeat; default: real host metrics. */
  payload?: (seq: number) => HeartbeatPayload;
  onEvent?: (event: AgentEvent) => void;
  fetch?: typeof fetch;
  requestTimeoutMs?: number;
}

export class EnrollmentRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnrollmentRefusedError';
  }
}

/** The platform could not be reached or answered 5xx: worth retrying later. */
export class PlatformUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlatformUnavailableError';
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * The reference edge agent: enroll once with a token, keep the credential in a 0600 file, then heartbeat every
 * interval. While the platform is down it backs off exponentially (with jitter, capped) and keeps trying; a revoked
 * node (403) stops; a refused credential (401) re-enrolls if it holds an unused token, else stops.
 */
export class EdgeAgent {
  private credential: StoredCredential | null = null;
  private seq = 0;
  private tokenSpent = false;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: AgentOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  get nodeId(): string | null {
    return this.credential?.nodeId ?? null;
  }

  private url(path: string) {
    return `${this.options.platformUrl.replace(/\/$/, '')}/edge/v1${path}`;
  }

  private async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    try {
      const response = await this.fetchImpl(this.url(path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000),
      });
      if (response.status >= 500) throw new PlatformUnavailableError(`platform answered ${response.status}`);
      return response;
    } catch (error) {
      if (error instanceof PlatformUnavailableError) throw error;
      throw new PlatformUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }

  /** The stored credential, or a new one from the token. */
  async ensureCredential(): Promise<StoredCredential> {
    this.credential ??= await loadCredential(this.options.credentialFile);
    if (this.credential && this.credential.serial === this.options.serial) return this.credential;
    return this.enroll();
  }

  async enroll(): Promise<StoredCredential> {
    const { token, serial } = this.options;
    if (!token || this.tokenSpent)
      throw new EnrollmentRefusedError('no unused enrollment token to enroll with');
    const response = await this.post('/enroll', { token, serial });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status !== 201) {
      this.tokenSpent = true;
      const message = (body.error as { message?: string } | undefined)?.message ?? `HTTP ${response.status}`;
      throw new EnrollmentRefusedError(message);
    }
    this.tokenSpent = true;
    this.credential = {
      platformUrl: this.options.platformUrl,
      serial,
      nodeId: String(body.nodeId),
      credential: String(body.credential),
      heartbeatIntervalS: Number(body.heartbeatIntervalS),
    };
    await saveCredential(this.options.credentialFile, this.credential);
    this.options.onEvent?.({ type: 'enrolled' });
    return this.credential;
  }

  /** One heartbeat; never throws for platform answers, only classifies them. */
  async heartbeat(): Promise<HeartbeatOutcome> {
    const credential = await this.ensureCredential();
    this.seq += 1;
    const payload = this.options.payload?.(this.seq) ?? collectHostMetrics(this.options, this.seq);
    let outcome: HeartbeatOutcome;
    let detail: string | undefined;
    try {
      const response = await this.post('/heartbeat', payload, {
        authorization: `Bearer ${credential.credential}`,
      });
      outcome =
        response.status === 204
          ? 'ok'
          : response.status === 401
            ? 'unauthorized'
            : response.status === 403
              ? 'forbidden'
              : 'rejected';
      if (outcome !== 'ok') detail = await response.text();
      else await response.body?.cancel();
    } catch (error) {
      if (!(error instanceof PlatformUnavailableError)) throw error;
      outcome = 'unavailable';
      detail = error.message;
    }
    this.options.onEvent?.({ type: 'heartbeat', outcome, ...(detail && { detail }) });
    return outcome;
  }

  /** Heartbeats until the signal aborts, the node is revoked, or its credential is refused with no token left. */
  async run(signal?: AbortSignal): Promise<{ reason: string }> {
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
    let failures = 0;
    const stop = (reason: string) => {
      this.options.onEvent?.({ type: 'stopped', reason });
      return { reason };
    };
    while (!signal?.aborted) {
      let outcome: HeartbeatOutcome;
      try {
        outcome = await this.heartbeat();
      } catch (error) {
        if (error instanceof EnrollmentRefusedError) return stop(`enrollment refused: ${error.message}`);
        if (!(error instanceof PlatformUnavailableError)) throw error;
        outcome = 'unavailable';
      }
      if (outcome === 'forbidden') return stop('revoked');
      if (outcome === 'unauthorized') {
        this.credential = null;
        if (!this.options.token || this.tokenSpent) return stop('credential refused');
        continue; // enroll again with the unused token on the next turn
      }
      if (outcome === 'unavailable') {
        failures += 1;
        const ceiling = Math.min(maxMs, initialMs * 2 ** (failures - 1));
        const delayMs = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
        this.options.onEvent?.({ type: 'backoff', delayMs });
        await sleep(delayMs, signal);
        continue;
      }
      failures = 0;
      const interval = this.options.intervalMs ?? (this.credential?.heartbeatIntervalS ?? 30) * 1000;
      await sleep(interval, signal);
    }
    return stop('aborted');
  }
}
