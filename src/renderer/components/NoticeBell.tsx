// The notification centre: a bell with the count of open notices, and the list with dismiss buttons.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client/client-context';
import { keys } from '../client/query-keys';
import { formatDateTime } from '../format';
import { ErrorState } from './QueryState';
import { useConnectionNames, withConnectionName } from '../client/connection-names';
import { NoticeLink, noticeParams } from './notice-extras';

const POLL_MS = 30_000;

export function NoticeBell() {
  const { t, i18n } = useTranslation();
  const connectionName = useConnectionNames();
  const client = useClient();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // Like any popover: Escape or a click anywhere else closes it, so it never stands in the way.
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  const notices = useQuery({
    queryKey: keys.notices,
    queryFn: () => client.invoke('notices.list', {}),
    refetchInterval: POLL_MS,
  });
  const dismiss = useMutation({
    mutationFn: (input: { id: number } | { all: true }) => client.invoke('notices.dismiss', input),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.notices }),
  });
  const list = (notices.data ?? []).filter((n) => !n.dismissedAt);
  const count = list.length;
  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="notice-panel"
        aria-label={t('notices.bell', { count })}
        onClick={() => setOpen((v) => !v)}
        data-testid="notice-bell"
      >
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        <span className="bell-label">{t('notices.title')}</span>
        {count > 0 && (
          <span className="bell-count" data-testid="notice-count">
            {count}
          </span>
        )}
      </button>
      {open && (
        <div id="notice-panel" className="bell-panel" role="region" aria-label={t('notices.title')}>
          <header className="bell-panel-header">
            <strong>{t('notices.title')}</strong>
            {count > 0 && (
              <button type="button" className="link-button" onClick={() => dismiss.mutate({ all: true })}>
                {t('notices.dismissAll')}
              </button>
            )}
          </header>
          {notices.isError && <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />}
          {notices.isSuccess && count === 0 && <p className="hint">{t('notices.empty')}</p>}
          <ul className="notice-list">
            {list.map((n) => (
              <li key={n.id} className={`notice notice-${n.level}`}>
                <p>
                  {t(n.messageKey, {
                    ...withConnectionName(noticeParams(n, t, i18n.language), connectionName(n.connectionId)),
                    defaultValue: t('notices.generic'),
                  })}
                </p>
                <NoticeLink notice={n} onFollow={() => setOpen(false)} />
                <time className="hint" dateTime={n.createdAt}>
                  {formatDateTime(n.createdAt, i18n.language)}
                </time>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => dismiss.mutate({ id: n.id })}
                  aria-label={t('notices.dismissOne')}
                >
                  {t('notices.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
