import { Alert } from './alert.entity';
import { Approval } from './approval.entity';
import { Case, CaseAccount, CaseAssignment } from './case.entity';
import { Attachment, ContactAttempt } from './contact.entity';
import { BlacklistEntry, CaseCost, SettlementInKind } from './cost.entity';
import { LegalEvent, LegalMatter } from './legal.entity';
import { Dispute } from './dispute.entity';
import { CasePause } from './pause.entity';
import { PromiseToPay } from './promise.entity';
import { Task } from './task.entity';
import { Team, TeamMember } from './team.entity';

export {
  Alert,
  Approval,
  Attachment,
  BlacklistEntry,
  Case,
  CaseAccount,
  CaseAssignment,
  CaseCost,
  CasePause,
  ContactAttempt,
  Dispute,
  LegalEvent,
  LegalMatter,
  PromiseToPay,
  SettlementInKind,
  Task,
  Team,
  TeamMember,
};

export const COLLECTION_ENTITIES = [
  Alert,
  Approval,
  Attachment,
  BlacklistEntry,
  Case,
  CaseAccount,
  CaseAssignment,
  CaseCost,
  CasePause,
  ContactAttempt,
  Dispute,
  LegalEvent,
  LegalMatter,
  PromiseToPay,
  SettlementInKind,
  Task,
  Team,
  TeamMember,
];
export { ALERT_STATES, SLA_BREACH } from './alert.entity';
export type { AlertState } from './alert.entity';
