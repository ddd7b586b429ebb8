// The "?" list of keyboard shortcuts.
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

const KEYS = [
  ['g c', 'gc'],
  ['g t', 'gt'],
  ['g a', 'ga'],
  ['g l', 'gl'],
  ['g f', 'gf'],
  ['s', 's'],
  ['/', 'slash'],
  ['?', 'help'],
] as const;

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} testId="shortcuts-dialog">
      <dl className="facts">
        {KEYS.map(([keys, name]) => (
          <div key={name} className="fact-row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(`shortcuts.keys.${name}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
