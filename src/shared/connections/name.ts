// How Cofre names a bank link everywhere (cards, filters, notices, Diagnostics): the person's nickname, else the bank.

export interface NamedConnection {
  nickname: string | null;
  connectorName: string;
}

/** The one name of a link: "Conta da Maria" when the person named it, else "Nubank". */
export function connectionName(c: NamedConnection): string {
  const nickname = c.nickname?.trim();
  return nickname ? nickname : c.connectorName;
}

/** The longest nickname kept; longer ones are refused, not cut. */
export const NICKNAME_MAX = 60;

/** "MARIA DA SILVA" → "Maria": the account holder's first name as a person would write it. */
export function ownerFirstName(owner: string | null | undefined): string | null {
  const first = owner?.trim().split(/\s+/)[0];
  if (!first) return null;
  return first.charAt(0).toLocaleUpperCase('pt-BR') + first.slice(1).toLocaleLowerCase('pt-BR');
}

/** Account numbers are shown masked: the last 4 characters are enough to tell accounts apart. */
export function maskNumber(number: string | null): string | null {
  if (!number) return null;
  return `•••• ${number.slice(-4)}`;
}
