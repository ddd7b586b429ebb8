// The support report: what a helper needs to see (versions, states, runs), never data or secrets.
import type { Connection, Health, SyncRunView } from '../../../shared/contract';

/** Item ids are shown by their first 8 characters; user folder names are replaced by ~. */
const shortId = (id: string) => `${id.slice(0, 8)}…`;
const homeless = (path: string) => path.replace(/^(\/home\/|\/Users\/|[A-Z]:\\Users\\)[^/\\]+/, '~');

export function buildSupportReport(input: {
  health: Health | undefined;
  connections: Connection[] | undefined;
  runs: SyncRunView[] | undefined;
  now: Date;
}): string {
  const lines: string[] = [`Cofre support report — ${input.now.toISOString()}`];
  const h = input.health;
  if (h) {
    lines.push(
      `version ${h.version} · mode ${h.mode} · node ${h.nodeVersion} · status ${h.status}`,
      `data dir ${homeless(h.dataDir)} · up ${Math.round(h.uptimeSeconds)} s`,
      ...h.checks.map((c) => `check ${c.name}: ${c.ok ? 'ok' : 'FAILED'} (${homeless(c.detail)})`),
    );
  }
  lines.push('', 'connections:');
  for (const c of input.connections ?? []) {
    lines.push(
      `- ${c.connector.name} (connector ${c.connector.id}, item ${shortId(c.itemId)}): ${c.status}/${c.executionStatus}` +
        ` severity ${c.severity} action ${c.action} failures ${c.consecutiveFailures}` +
        ` last ok ${c.lastSyncedAt ?? 'never'} next retry ${c.nextRetryAt ?? '-'}` +
        ` blocked until ${c.refreshBlockedUntil ?? '-'} stale ${c.stale}`,
    );
  }
  lines.push('', 'sync runs:');
  for (const r of input.runs ?? []) {
    const counts = r.counts
      ? Object.entries(r.counts)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : '';
    lines.push(
      `- #${r.id} ${r.bankName} ${r.reason} ${r.startedAt} → ${r.finishedAt ?? 'running'} ${r.outcome}` +
        `${r.errorCode ? ` ${r.errorCode}` : ''} ${counts}`.trimEnd(),
    );
  }
  return lines.join('\n');
}
