// The audit log: append (redacted, hash-chained, in the caller's transaction), verify, retention, pages, export.
export { appendAudit } from './append';
export { redactDetails, redactText, REDACTED } from './redact';
export {
  AuditActor,
  AuditOutcome,
  AuditAction,
  AuditEntryInput,
  TRUNCATED_ACTION,
  type AuditEntry,
} from './entry';
export { GENESIS_HASH } from './chain-hash';
export { verifyAuditChain, type ChainReport, type ChainProblem } from './verify';
export {
  applyAuditRetention,
  type RetentionOptions,
  type RetentionResult,
  type TruncationDetails,
} from './retention';
export { getOrCreateAuditSigningKey, AUDIT_SIGNING_SECRET } from './signing-key';
export { pageAudit, iterateAudit, AuditFilter, AuditPageRequest, type AuditPage } from './query';
export { auditExportLines, writeAuditExport, csvCell, type AuditExportFormat } from './export';
