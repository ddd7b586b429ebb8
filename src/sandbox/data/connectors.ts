// The connector catalogue: the Pluggy Bank sandbox connectors (0, 1, 2, 3) and a few real-looking banks.
// Their imageUrl is added where they are answered (withIcon): the sandbox's own loopback address.
import type { Connector, ConnectorCredential } from '../../shared/pluggy';

const CREATED_AT = '2020-09-07T00:08:06.588Z';
const BASIC_PRODUCTS = ['ACCOUNTS', 'CREDIT_CARDS', 'TRANSACTIONS', 'PAYMENT_DATA', 'IDENTITY'];
const PRODUCTS = [...BASIC_PRODUCTS, 'INVESTMENTS', 'INVESTMENTS_TRANSACTIONS', 'LOANS'];

const user: ConnectorCredential = {
  label: 'User',
  name: 'user',
  type: 'text',
  placeholder: 'user-ok',
  validation: '^user-.{2,50}$',
  validationMessage: 'O user deve começar com "user-"',
  optional: false,
};
const password: ConnectorCredential = {
  label: 'Password',
  name: 'password',
  type: 'password',
  placeholder: 'password-ok',
  validation: '^.{6,20}$',
  validationMessage: 'A senha deve ter entre 6 e 20 caracteres',
  optional: false,
};
const token: ConnectorCredential = {
  label: 'Token',
  name: 'token',
  type: 'number',
  placeholder: '123456',
  validation: '^\\d{6}$',
  validationMessage: 'O token deve ter 6 dígitos',
  mfa: true,
  optional: false,
};

function connector(partial: Partial<Connector> & Pick<Connector, 'id' | 'name'>): Connector {
  return {
    institutionUrl: 'https://pluggy.ai',
    primaryColor: 'ef294b',
    type: 'PERSONAL_BANK',
    country: 'BR',
    credentials: [user, password],
    hasMFA: false,
    oauth: false,
    health: { status: 'ONLINE', stage: null },
    isOpenFinance: false,
    isSandbox: true,
    supportsPaymentInitiation: false,
    supportsScheduledPayments: false,
    supportsSmartTransfers: false,
    supportsAutomaticPix: false,
    supportsBoletoManagement: false,
    products: PRODUCTS,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...partial,
  };
}

/** How a connector asks for MFA: not at all, with the login (1-step), or after login (2-step). */
export type MfaStyle = 'none' | 'one-step' | 'two-step';

export const MFA_PROMPT: ConnectorCredential = {
  ...token,
  label: 'Chave de segurança',
  placeholder: 'Exemplo: 123456',
};

const bank = (id: number, name: string, color: string, url: string): Connector =>
  connector({
    id,
    name,
    primaryColor: color,
    institutionUrl: url,
    isSandbox: false,
    isOpenFinance: true,
    credentials: [
      {
        label: 'CPF',
        name: 'cpf',
        type: 'number',
        validation: '^\\d{11}$',
        validationMessage: 'CPF inválido',
        optional: false,
      },
    ],
    oauth: true,
    oauthUrl: `${url}/openfinance`,
  });

export const CONNECTORS: readonly Connector[] = [
  connector({ id: 0, name: 'Pluggy Bank' }),
  connector({ id: 1, name: 'Pluggy Bank MFA', credentials: [user, password, token], hasMFA: true }),
  connector({ id: 2, name: 'Pluggy Bank', primaryColor: '1d1d1b' }),
  connector({ id: 3, name: 'Pluggy Bank MFA 2-step', hasMFA: true }),
  bank(601, 'Itaú', 'ec7000', 'https://www.itau.com.br'),
  // A bank whose link covers no investments or loans: Cofre says so instead of showing zero.
  { ...bank(602, 'Nubank', '820ad1', 'https://nubank.com.br'), products: BASIC_PRODUCTS },
  bank(603, 'Bradesco', 'cc092f', 'https://banco.bradesco'),
  bank(604, 'Banco do Brasil', 'fcfc30', 'https://www.bb.com.br'),
  bank(605, 'Caixa Econômica Federal', '005ca9', 'https://www.caixa.gov.br'),
  bank(606, 'Banco Inter', 'ff7a00', 'https://www.bancointer.com.br'),
];

export function mfaStyleOf(connectorId: number): MfaStyle {
  if (connectorId === 1) return 'one-step';
  if (connectorId === 3) return 'two-step';
  return 'none';
}

export function findConnector(id: number): Connector | undefined {
  return CONNECTORS.find((c) => c.id === id);
}

/** What an item created without `products` collects: everything its bank offers (the spec's Item enum). */
export function defaultProducts(connectorId: number): string[] {
  return (findConnector(connectorId)?.products ?? BASIC_PRODUCTS).filter((p) => p !== 'ACCOUNT_STATEMENTS');
}
