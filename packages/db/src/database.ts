import type { ApplicationApprovalsTable } from './tables/application-approvals';
import type { ApplicationEventsTable } from './tables/application-events';
import type { ApplicationMaterialsTable } from './tables/application-materials';
import type { ApplicationSubmissionsTable } from './tables/application-submissions';
import type { ApplicationsTable } from './tables/applications';
import type { AuditLogTable } from './tables/audit-log';
import type { EditionsTable } from './tables/editions';
import type { EnterpriseInvitesTable } from './tables/enterprise-invites';
import type { EnterpriseMembersTable } from './tables/enterprise-members';
import type { EnterprisesTable } from './tables/enterprises';
import type { ExpertConflictsTable } from './tables/expert-conflicts';
import type { ExpertScoresTable } from './tables/expert-scores';
import type { FilesTable } from './tables/files';
import type { JobLocksTable } from './tables/job-locks';
import type { ProgramsTable } from './tables/programs';
import type { RateLimitsTable } from './tables/rate-limits';
import type { SessionsTable } from './tables/sessions';
import type { SiteInspectionsTable } from './tables/site-inspections';
import type { SmsCodesTable } from './tables/sms-codes';
import type { UsersTable } from './tables/users';

/** Every table, by its SQL name. A new table: add its file under tables/, a migration, and a line here. */
export interface Database {
  enterprises: EnterprisesTable;
  users: UsersTable;
  enterprise_members: EnterpriseMembersTable;
  enterprise_invites: EnterpriseInvitesTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  sms_codes: SmsCodesTable;
  files: FilesTable;
  audit_log: AuditLogTable;
  job_locks: JobLocksTable;
  programs: ProgramsTable;
  editions: EditionsTable;
  applications: ApplicationsTable;
  application_submissions: ApplicationSubmissionsTable;
  application_materials: ApplicationMaterialsTable;
  application_events: ApplicationEventsTable;
  application_approvals: ApplicationApprovalsTable;
  expert_conflicts: ExpertConflictsTable;
  expert_scores: ExpertScoresTable;
  site_inspections: SiteInspectionsTable;
}
