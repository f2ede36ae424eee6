export {
  type AgentEvent,
  type AgentOptions,
  EdgeAgent,
  EnrollmentRefusedError,
  type HeartbeatOutcome,
} from './agent';
export { loadCredential, type StoredCredential, saveCredential } from './credential-store';
export { collectHostMetrics, type HeartbeatPayload, type HostInfo } from './metrics';
