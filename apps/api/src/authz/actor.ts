import type { MemberRole, SessionKind } from '@dg/db';
import type { Role } from './roles';

/** Who is calling, resolved from the session on every request. */
export interface Actor {
  userId: string;
  role: Role;
  displayName: string;
  /** A town reviewer's town; null for everyone else. */
  townCode: string | null;
  sessionId: string;
  sessionKind: SessionKind;
  /** Enterprise staff: the enterprise this session acts for, if the user is still a member of it. */
  activeEnterprise: { id: string; memberRole: MemberRole } | null;
}
