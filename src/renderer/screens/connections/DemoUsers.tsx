// Demo mode only: the sandbox's test users, what each one shows in Cofre, and the password they all share.
import { useTranslation } from 'react-i18next';

/** Sandbox usernames (src/sandbox/items/outcomes.ts) in the order a newcomer would try them. */
const USERS = [
  'user-ok',
  'user-ok-two-checking-accounts',
  'user-ok-no-card',
  'user-ok-account-warning',
  'user-ok-account-error',
  'user-ok-app-approval',
  'user-locked',
  'user-account-credentials-reset',
  'user-account-need-actions',
  'user-account-need-actions-provider-message',
  'user-unavailable',
  'user-connection-error',
  'user-error',
  'user-logged',
  'user-ok-auth-pending',
  'user-not-supported',
] as const;

export function DemoUsers() {
  const { t } = useTranslation();
  return (
    <details className="demo-users" open data-testid="demo-users">
      <summary>{t('connect.demoUsers.title')}</summary>
      <p className="hint">{t('connect.demoUsers.intro')}</p>
      <dl>
        {USERS.map((user) => (
          <div key={user}>
            <dt>
              <code>{user}</code>
            </dt>
            <dd>{t(`connect.demoUsers.users.${user}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
