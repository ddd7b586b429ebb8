// A wrong code at a bank that takes it with the login (1-step): the fix is a new code sent with the refresh.
import type { StatusExplanation } from '../../shared/connections/status';
import type { Item } from '../../shared/pluggy';

/**
 * Pluggy's INVALID_CREDENTIALS_MFA says "sync again and give the right code", which holds for a 2-step bank
 * (it asks again once a sync starts). A 1-step bank never asks: the person gives a new code and the refresh
 * carries it (never the stored wrong one). The card and its notice say the same.
 */
export function withNewCodePrompt(explanation: StatusExplanation, item: Item | null): StatusExplanation {
  const oneStepCode =
    explanation.code === 'INVALID_CREDENTIALS_MFA' &&
    (item?.connector.credentials ?? []).some((c) => c.mfa === true);
  if (!oneStepCode) return explanation;
  return { ...explanation, action: 'answer_mfa', messageKey: 'status.INVALID_CREDENTIALS_MFA_NEW_CODE' };
}
