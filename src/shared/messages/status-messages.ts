// What each bank-link state says to the user, in pt-BR and English, naming the bank ({{bank}}).
// Shared because the core needs them too (CLI `status`, OS notifications), not only the renderer.
export const statusMessagesPtBR = {
  status: {
    SUCCESS: 'Tudo certo com {{bank}}. Os dados estão atualizados.',
    PARTIAL_SUCCESS:
      '{{bank}} enviou só parte dos dados na última atualização. O Cofre tenta de novo sozinho.',
    UPDATING: 'Atualizando os dados de {{bank}}…',
    FIRST_SYNC: 'Conexão com {{bank}} feita. O Cofre ainda não terminou de ler seus dados.',
    RETRIES_EXHAUSTED:
      'O Cofre tentou atualizar {{bank}} sozinho algumas vezes, sem sucesso, e parou. Sincronize quando quiser tentar de novo.',
    WAITING_USER_INPUT: '{{bank}} pediu um código de verificação. Responda para continuar.',
    WAITING_USER_ACTION: '{{bank}} pede que você autorize o acesso no app do banco.',
    INVALID_CREDENTIALS:
      'A senha de {{bank}} não foi aceita. Reconecte informando os dados de acesso corretos.',
    INVALID_CREDENTIALS_MFA:
      'O código de verificação de {{bank}} estava errado. Sincronize de novo e informe o código certo.',
    INVALID_CREDENTIALS_MFA_NEW_CODE:
      'O código de verificação de {{bank}} estava errado. Informe um código novo para atualizar.',
    USER_INPUT_TIMEOUT: 'O código de verificação de {{bank}} não foi informado a tempo. Sincronize de novo.',
    ACCOUNT_CREDENTIALS_RESET:
      '{{bank}} exige que você troque sua senha. Troque-a no banco e depois reconecte no Cofre.',
    ACCOUNT_LOCKED: 'Sua conta em {{bank}} está bloqueada. Fale com o banco para desbloquear.',
    ACCOUNT_NEEDS_ACTION:
      '{{bank}} precisa que você faça algo no site ou app do banco (por exemplo, aceitar novos termos).',
    ALREADY_LOGGED_IN:
      'Há outra sessão aberta em {{bank}}. Saia dela; o Cofre tenta de novo em alguns minutos.',
    USER_AUTHORIZATION_PENDING:
      '{{bank}} aguarda sua aprovação no app do banco. Aprove; o Cofre confere de novo em alguns minutos.',
    USER_AUTHORIZATION_NOT_GRANTED: 'O acesso a {{bank}} não foi autorizado. Reconecte e autorize o acesso.',
    USER_NOT_SUPPORTED:
      'Este tipo de conta de {{bank}} não é suportado por esta conexão. Tente conectar pelo Open Finance.',
    SITE_NOT_AVAILABLE: 'O {{bank}} está fora do ar no momento. O Cofre tenta de novo sozinho.',
    CONNECTION_ERROR: 'Falha de comunicação com {{bank}}. O Cofre tenta de novo sozinho.',
    UNEXPECTED_ERROR: 'Ocorreu um erro inesperado ao atualizar {{bank}}. O Cofre tenta de novo sozinho.',
    ERROR: 'A atualização de {{bank}} falhou no Pluggy. O Cofre tenta de novo sozinho.',
    MERGE_ERROR: 'O Pluggy não conseguiu consolidar os dados de {{bank}}. O Cofre tenta de novo sozinho.',
    CREATE_ERROR: 'O Pluggy não conseguiu criar a conexão com {{bank}}. O Cofre tenta de novo sozinho.',
    OUTDATED: 'A última atualização de {{bank}} não terminou. O Cofre tenta de novo sozinho.',
    LOGIN_ERROR: 'Não foi possível entrar em {{bank}}. Reconecte informando os dados de acesso.',
    RATE_LIMITED: 'Limite de atualizações do Pluggy atingido. O Cofre tenta de novo quando for possível.',
    NETWORK: 'Sem conexão com o Pluggy. Verifique sua internet; o Cofre tenta de novo sozinho.',
    API_AUTH:
      'O Pluggy recusou as credenciais do Cofre. Confira o Client ID e o Client Secret nas Configurações.',
    ITEM_NOT_FOUND: 'A conexão com {{bank}} não existe mais no Pluggy. Conecte o banco de novo.',
    RESOURCE_NOT_FOUND:
      'O Pluggy não encontrou um dado de {{bank}} que o Cofre pediu (por exemplo, uma conta removida). O Cofre tenta de novo sozinho.',
    CLIENT_IP_NOT_ALLOWED:
      'O Pluggy só aceita chamadas dos endereços IP cadastrados na sua conta, e o IP desta rede não está na lista. Inclua-o no painel do Pluggy (ou desative a restrição) e sincronize de novo.',
    TOO_MANY_CONSECUTIVE_ERRORS:
      'O Pluggy pausou as atualizações de {{bank}} depois de mais de 5 falhas seguidas, e o Cofre não tenta mais sozinho. Reconecte o banco para retomar; se continuar pausado, fale com o suporte do Pluggy.',
    TOO_MANY_CONSECUTIVE_LOGIN_FAILURES:
      'O Pluggy bloqueou novas tentativas de entrar em {{bank}} depois de erros de login seguidos. Confira sua senha; você pode tentar de novo a partir de {{until}}.',
    CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR:
      '{{bank}} pede um novo código de verificação para atualizar. Informe o código que o banco acabou de enviar.',
    MFA_PARAMERTER_WAS_ALREADY_USED_ERROR:
      'O código de verificação de {{bank}} já foi usado na última atualização. Informe um código novo.',
    UNKNOWN: '{{bank}} informou um estado desconhecido ({{code}}). O Cofre tenta de novo sozinho.',
    BANK_UNSTABLE:
      'O {{bank}} está instável agora (Pluggy). Não é a sua conexão: o Cofre sincroniza de novo quando o banco voltar.',
    BANK_OFFLINE:
      'O {{bank}} está fora do ar agora (Pluggy). Não é a sua conexão: o Cofre sincroniza de novo quando o banco voltar.',
  },
  notices: {
    repeated_failures: '{{bank}} falhou {{failures}} vezes seguidas. O Cofre continua tentando.',
    consent_expiring: 'O consentimento de {{bank}} vence em {{date}}. Reconecte para renovar.',
    consent_expired: 'O consentimento de {{bank}} venceu em {{date}}. Reconecte para voltar a sincronizar.',
    consent_revoked:
      'O consentimento de {{bank}} foi revogado em {{date}}. Renove para voltar a sincronizar.',
    bank_unstable: 'O {{bank}} está instável há mais de uma hora (desde {{since}}, segundo o Pluggy).',
    bank_offline: 'O {{bank}} está fora do ar há mais de uma hora (desde {{since}}, segundo o Pluggy).',
    fatura_closing: 'A fatura do cartão {{card}} ({{bank}}) fecha em {{date}}.',
    fatura_due: 'A fatura do cartão {{card}} ({{bank}}) vence em {{date}}.',
    stale: 'Nenhum dado novo de {{bank}} desde {{since}}.',
    mfa_waiting: '{{bank}} está esperando o código de verificação.',
  },
  actions: {
    none: 'Nenhuma ação necessária',
    reconnect: 'Reconectar',
    answer_mfa: 'Responder código',
    try_again: 'Sincronizar de novo',
    approve_in_app: 'Aprovar no app do banco',
    logout_other_session: 'Sair da outra sessão',
    wait_retry: 'Aguardar nova tentativa',
    act_at_bank: 'Abrir o banco',
    contact_bank: 'Falar com o banco',
    use_other_connector: 'Conectar pelo Open Finance',
    check_settings: 'Abrir Configurações',
    wait_until: 'Aguardar o horário indicado',
    check_pluggy_account: 'Ajustar a conta no Pluggy',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type StatusMessages = Widen<typeof statusMessagesPtBR>;

export const statusMessagesEn: StatusMessages = {
  status: {
    SUCCESS: 'All good with {{bank}}. The data is up to date.',
    PARTIAL_SUCCESS: '{{bank}} sent only part of the data in the last update. Cofre retries by itself.',
    UPDATING: 'Updating the data from {{bank}}…',
    FIRST_SYNC: 'Linked to {{bank}}. Cofre has not finished reading your data yet.',
    RETRIES_EXHAUSTED:
      'Cofre tried to update {{bank}} by itself a few times without success, and stopped. Sync when you want to try again.',
    WAITING_USER_INPUT: '{{bank}} asked for a verification code. Answer it to continue.',
    WAITING_USER_ACTION: "{{bank}} asks you to authorise the access in the bank's app.",
    INVALID_CREDENTIALS: '{{bank}} did not accept the password. Reconnect with the right login details.',
    INVALID_CREDENTIALS_MFA: "{{bank}}'s verification code was wrong. Sync again and enter the right code.",
    INVALID_CREDENTIALS_MFA_NEW_CODE: "{{bank}}'s verification code was wrong. Enter a new code to update.",
    USER_INPUT_TIMEOUT: "{{bank}}'s verification code was not entered in time. Sync again.",
    ACCOUNT_CREDENTIALS_RESET:
      '{{bank}} requires you to change your password. Change it at the bank, then reconnect in Cofre.',
    ACCOUNT_LOCKED: 'Your {{bank}} account is locked. Contact the bank to unlock it.',
    ACCOUNT_NEEDS_ACTION:
      "{{bank}} needs you to do something on the bank's site or app (for example, accept new terms).",
    ALREADY_LOGGED_IN: 'Another session is open at {{bank}}. Log out of it; Cofre retries in a few minutes.',
    USER_AUTHORIZATION_PENDING:
      "{{bank}} is waiting for your approval in the bank's app. Approve it; Cofre checks again in a few minutes.",
    USER_AUTHORIZATION_NOT_GRANTED: 'Access to {{bank}} was not authorised. Reconnect and authorise it.',
    USER_NOT_SUPPORTED:
      'This kind of {{bank}} account is not supported by this connection. Try connecting through Open Finance.',
    SITE_NOT_AVAILABLE: '{{bank}} is down right now. Cofre retries by itself.',
    CONNECTION_ERROR: 'Communication with {{bank}} failed. Cofre retries by itself.',
    UNEXPECTED_ERROR: 'An unexpected error happened while updating {{bank}}. Cofre retries by itself.',
    ERROR: 'The update of {{bank}} failed at Pluggy. Cofre retries by itself.',
    MERGE_ERROR: "Pluggy could not consolidate {{bank}}'s data. Cofre retries by itself.",
    CREATE_ERROR: 'Pluggy could not create the link to {{bank}}. Cofre retries by itself.',
    OUTDATED: 'The last update of {{bank}} did not finish. Cofre retries by itself.',
    LOGIN_ERROR: 'Could not log in to {{bank}}. Reconnect with your login details.',
    RATE_LIMITED: "Pluggy's update limit was reached. Cofre retries as soon as it is allowed.",
    NETWORK: 'No connection to Pluggy. Check your internet; Cofre retries by itself.',
    API_AUTH: "Pluggy refused Cofre's credentials. Check the Client ID and Client Secret in Settings.",
    ITEM_NOT_FOUND: 'The link to {{bank}} no longer exists at Pluggy. Connect the bank again.',
    RESOURCE_NOT_FOUND:
      'Pluggy could not find something of {{bank}} that Cofre asked for (for example, a removed account). Cofre retries by itself.',
    CLIENT_IP_NOT_ALLOWED:
      "Pluggy only accepts calls from the IP addresses listed in your account, and this network's IP is not on the list. Add it in Pluggy's dashboard (or turn the restriction off), then sync again.",
    TOO_MANY_CONSECUTIVE_ERRORS:
      'Pluggy paused updates of {{bank}} after more than 5 failed updates in a row, and Cofre no longer retries by itself. Reconnect the bank to resume; if it stays paused, contact Pluggy support.',
    TOO_MANY_CONSECUTIVE_LOGIN_FAILURES:
      'Pluggy blocked new login attempts at {{bank}} after login errors in a row. Check your password; you can try again from {{until}}.',
    CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR:
      '{{bank}} asks for a new verification code to update. Enter the code the bank just sent you.',
    MFA_PARAMERTER_WAS_ALREADY_USED_ERROR:
      "{{bank}}'s verification code was already used in the last update. Enter a new code.",
    UNKNOWN: '{{bank}} reported an unknown state ({{code}}). Cofre retries by itself.',
    BANK_UNSTABLE:
      '{{bank}} is unstable right now (Pluggy). Your connection is fine: Cofre syncs again when the bank is back.',
    BANK_OFFLINE:
      '{{bank}} is offline right now (Pluggy). Your connection is fine: Cofre syncs again when the bank is back.',
  },
  notices: {
    repeated_failures: '{{bank}} failed {{failures}} times in a row. Cofre keeps trying.',
    consent_expiring: 'The consent for {{bank}} expires on {{date}}. Reconnect to renew it.',
    consent_expired: 'The consent for {{bank}} expired on {{date}}. Reconnect to sync again.',
    consent_revoked: 'The consent for {{bank}} was revoked on {{date}}. Renew it to sync again.',
    bank_unstable: '{{bank}} has been unstable for more than an hour (since {{since}}, says Pluggy).',
    bank_offline: '{{bank}} has been offline for more than an hour (since {{since}}, says Pluggy).',
    fatura_closing: 'The {{card}} card bill ({{bank}}) closes on {{date}}.',
    fatura_due: 'The {{card}} card bill ({{bank}}) is due on {{date}}.',
    stale: 'No new data from {{bank}} since {{since}}.',
    mfa_waiting: '{{bank}} is waiting for the verification code.',
  },
  actions: {
    none: 'No action needed',
    reconnect: 'Reconnect',
    answer_mfa: 'Enter code',
    try_again: 'Sync again',
    approve_in_app: "Approve in the bank's app",
    logout_other_session: 'Log out of the other session',
    wait_retry: 'Wait for the retry',
    act_at_bank: 'Open the bank',
    contact_bank: 'Contact the bank',
    use_other_connector: 'Connect through Open Finance',
    check_settings: 'Open Settings',
    wait_until: 'Wait until the time shown',
    check_pluggy_account: 'Fix it in your Pluggy account',
  },
};

/** Fills `{{name}}` placeholders; the renderer uses i18next, the core (CLI, notifications) this. */
export function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
