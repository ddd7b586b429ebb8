// The relay link's state as a coloured badge with its words, the same on Settings and Diagnostics.
import { useTranslation } from 'react-i18next';
import type { RelayStatusView } from '../../shared/contract';

const TONE: Record<RelayStatusView['state'], string> = {
  unpaired: 'badge badge-neutral',
  connecting: 'badge badge-info',
  connected: 'badge badge-ok',
  polling: 'badge badge-info',
  offline: 'badge badge-error',
};

export function RelayStateBadge({ state }: { state: RelayStatusView['state'] }) {
  const { t } = useTranslation();
  return (
    <span className={TONE[state]} data-testid="relay-state">
      {t(`relay.states.${state}`)}
    </span>
  );
}
