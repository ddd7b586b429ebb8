// One audit entry: when, who, what, which link, outcome; expands to its (already redacted) details.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/contract';
import { formatDateTime } from '../../format';
import { auditDetailLines } from './audit-details-text';

/** i18n keys cannot hold dots, so `open_finance.sync.failed` is looked up as `open_finance__sync__failed`. */
export function useActionName(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => t(`audit.actions.${action.replaceAll('.', '__')}`, { defaultValue: action });
}

export function AuditEntryRow({
  entry,
  bankName,
}: {
  entry: AuditEntryView;
  bankName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const actionName = useActionName();
  const [open, setOpen] = useState(false);
  const detailsId = `audit-details-${entry.id}`;
  const hasDetails = Object.keys(entry.details).length > 0;
  return (
    <li
      className={`audit-entry outcome-${entry.outcome}`}
      data-testid="audit-entry"
      data-action={entry.action}
    >
      <div className="audit-line">
        <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
        <span>
          <strong title={entry.action}>{actionName(entry.action)}</strong>
        </span>
        <span>{t(`audit.actors.${entry.actor}`, { defaultValue: entry.actor })}</span>
        <span>{entry.connectionId ? bankName(entry.connectionId) : '—'}</span>
        <span
          className={`badge badge-${entry.outcome === 'failure' ? 'error' : entry.outcome === 'success' ? 'ok' : 'info'}`}
        >
          {t(`audit.outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}
        </span>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={detailsId}
          disabled={!hasDetails}
          onClick={() => setOpen((v) => !v)}
          aria-label={t('audit.detailsOf', { id: entry.id })}
        >
          {open ? t('audit.hideDetails') : t('audit.showDetails')}
        </button>
      </div>
      {open && (
        <AuditDetails
          id={detailsId}
          details={entry.details}
          bank={entry.connectionId ? bankName(entry.connectionId) : ''}
        />
      )}
    </li>
  );
}

/** The entry's facts in plain words; the raw record only behind "Detalhes para suporte". */
function AuditDetails({ id, details, bank }: { id: string; details: Record<string, unknown>; bank: string }) {
  const { t, i18n } = useTranslation();
  const [raw, setRaw] = useState(false);
  const lines = auditDetailLines(details, t, i18n.language, bank);
  return (
    <div id={id} className="audit-details" data-testid="audit-details">
      {lines.length > 0 ? (
        <dl className="mini-facts">
          {lines.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p className="hint">{t('audit.noPlainDetails')}</p>
      )}
      <button type="button" className="link-button" aria-expanded={raw} onClick={() => setRaw((v) => !v)}>
        {raw ? t('audit.hideSupportDetails') : t('audit.supportDetails')}
      </button>
      {raw && (
        <pre className="mono" data-testid="audit-raw-details">
          {JSON.stringify(details, null, 2)}
        </pre>
      )}
    </div>
  );
}
