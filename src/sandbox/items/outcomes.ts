// The sandbox username table: which outcome an execution reaches, and how each error shows on the item.
import type { ExecutionErrorCode, ItemStatus } from '../../shared/pluggy';
import type { AccountKind } from '../data/account-record';

export const SANDBOX_PASSWORD = 'password-ok';
export const SANDBOX_MFA_TOKEN = '123456';
const MAX_PERF_MULTIPLIER = 5_000;

export type Outcome =
  | {
      kind: 'success';
      multiplier: number;
      accounts: AccountKind[];
      partial: boolean;
      warning: boolean;
      /** The bank first waits for the user to approve the access in its app (WAITING_USER_ACTION). */
      approval?: boolean;
    }
  | { kind: 'error'; code: ExecutionErrorCode; providerMessage?: string };

const ERRORS: Record<string, ExecutionErrorCode> = {
  'user-logged': 'ALREADY_LOGGED_IN',
  'user-locked': 'ACCOUNT_LOCKED',
  'user-error': 'UNEXPECTED_ERROR',
  'user-unavailable': 'SITE_NOT_AVAILABLE',
  'user-account-need-actions': 'ACCOUNT_NEEDS_ACTION',
  'user-account-need-actions-provider-message': 'ACCOUNT_NEEDS_ACTION',
  'user-connection-error': 'CONNECTION_ERROR',
  'user-account-credentials-reset': 'ACCOUNT_CREDENTIALS_RESET',
  'user-not-supported': 'USER_NOT_SUPPORTED',
  'user-ok-auth-pending': 'USER_AUTHORIZATION_PENDING',
};

/** Every named test user (the perf users `user-ok-perf-N` aside): what demo mode can show, one each. */
export const SANDBOX_USERS: readonly string[] = [
  'user-ok',
  'user-ok-two-checking-accounts',
  'user-ok-no-card',
  'user-ok-account-warning',
  'user-ok-account-error',
  'user-ok-app-approval',
  ...Object.keys(ERRORS),
];

const DEFAULT_ACCOUNTS: AccountKind[] = ['checking', 'savings', 'card'];

const success = (over: Partial<Extract<Outcome, { kind: 'success' }>> = {}): Outcome => ({
  kind: 'success',
  multiplier: 1,
  accounts: DEFAULT_ACCOUNTS,
  partial: false,
  warning: false,
  ...over,
});

/** Outcome for the sandbox connectors; other (fake real-bank) connectors always succeed. */
export function outcomeFor(parameters: Record<string, string>, isSandboxConnector: boolean): Outcome {
  if (!isSandboxConnector) return success();
  const user = parameters.user ?? '';
  if (parameters.password !== SANDBOX_PASSWORD) return { kind: 'error', code: 'INVALID_CREDENTIALS' };
  const code = ERRORS[user];
  if (code) {
    return user.endsWith('provider-message')
      ? { kind: 'error', code, providerMessage: 'Acesse o app do seu banco e aceite os novos termos de uso.' }
      : { kind: 'error', code };
  }
  if (user === 'user-ok') return success();
  if (user === 'user-ok-account-error') return success({ partial: true, accounts: ['card'] });
  if (user === 'user-ok-account-warning') return success({ warning: true });
  if (user === 'user-ok-app-approval') return success({ approval: true });
  if (user === 'user-ok-two-checking-accounts')
    return success({ accounts: ['checking', 'checking', 'savings', 'card'] });
  if (user === 'user-ok-no-card') return success({ accounts: ['checking', 'savings'] });
  const perf = /^user-ok-perf-(\d{1,7})$/.exec(user);
  if (perf?.[1]) return success({ multiplier: Math.max(1, Math.min(MAX_PERF_MULTIPLIER, Number(perf[1]))) });
  return { kind: 'error', code: 'INVALID_CREDENTIALS' };
}

const LOGIN_ERRORS = new Set<ExecutionErrorCode>([
  'INVALID_CREDENTIALS',
  'INVALID_CREDENTIALS_MFA',
  'ACCOUNT_LOCKED',
  'ACCOUNT_CREDENTIALS_RESET',
  'ACCOUNT_NEEDS_ACTION',
  'USER_NOT_SUPPORTED',
  'USER_AUTHORIZATION_NOT_GRANTED',
]);

/** Item status after an error (docs: credential problems → LOGIN_ERROR, the rest → OUTDATED; pairing partly inferred). */
export function statusForError(code: ExecutionErrorCode): ItemStatus {
  return LOGIN_ERRORS.has(code) ? 'LOGIN_ERROR' : 'OUTDATED';
}

export const ERROR_MESSAGES: Record<ExecutionErrorCode, string> = {
  INVALID_CREDENTIALS: 'Invalid credentials.',
  ALREADY_LOGGED_IN: 'User is already logged in another session.',
  UNEXPECTED_ERROR: 'An unexpected error occurred.',
  INVALID_CREDENTIALS_MFA: 'Invalid MFA credentials.',
  SITE_NOT_AVAILABLE: 'The institution site is not available.',
  ACCOUNT_LOCKED: 'The account is locked.',
  ACCOUNT_CREDENTIALS_RESET: 'The institution requires a credentials change.',
  CONNECTION_ERROR: 'Connection error with the institution.',
  ACCOUNT_NEEDS_ACTION: 'The account needs an action at the institution.',
  USER_AUTHORIZATION_PENDING: 'Waiting for user authorization.',
  USER_AUTHORIZATION_NOT_GRANTED: 'User authorization was not granted.',
  USER_NOT_SUPPORTED: 'This user is not supported by the connector.',
  USER_INPUT_TIMEOUT: 'User input timed out.',
};
