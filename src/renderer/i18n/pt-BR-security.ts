// Portuguese (Brazil) for the security habits: the daily review, its notice and its filter on the Audit screen.
export const ptBRSecurity = {
  security: {
    title: 'Revisão de segurança',
    intro:
      'Todo dia o Cofre relê o registro de auditoria deste computador e separa o que merece um segundo olhar. A revisão é feita aqui: nada dela sai deste computador.',
    period: 'Últimos {{count}} dias',
    quiet: 'Nada de incomum nos últimos {{count}} dias.',
    quietDays_one: 'Nos outros dias, {{count}} dia, nada de incomum.',
    quietDays_other: 'Nos outros {{count}} dias, nada de incomum.',
    wasItYou:
      'Foi você? Se não reconhece algo, troque a senha do banco e as credenciais do Pluggy, e desconecte o que não é seu.',
    showEntries: 'Ver os registros',
    today: 'Hoje',
    yesterday: 'Ontem',
    onDay: 'Em {{date}}',
    lookedAt: 'O que a revisão procura',
    daysLabel: 'Dias com algo incomum, mais recentes primeiro',
    categories: {
      connection_added_one: '{{count}} nova conexão',
      connection_added_other: '{{count}} novas conexões',
      connection_removed_one: '{{count}} conexão removida',
      connection_removed_other: '{{count}} conexões removidas',
      relay_pairing_one: '{{count}} mudança no pareamento do relay',
      relay_pairing_other: '{{count}} mudanças no pareamento do relay',
      pluggy_credentials_one: '{{count}} troca das credenciais do Pluggy',
      pluggy_credentials_other: '{{count}} trocas das credenciais do Pluggy',
      export_one: '{{count}} exportação',
      export_other: '{{count}} exportações',
      backup_one: '{{count}} cópia de segurança',
      backup_other: '{{count}} cópias de segurança',
      login_failures_one: '{{count}} falha de login no banco',
      login_failures_other: '{{count}} falhas de login no banco',
      audit_chain_broken_one: '{{count}} falha na verificação da auditoria',
      audit_chain_broken_other: '{{count}} falhas na verificação da auditoria',
      unknown_item_webhook_one: '{{count}} aviso sobre conexão desconhecida',
      unknown_item_webhook_other: '{{count}} avisos sobre conexões desconhecidas',
      wrong_db_key_one: '{{count}} tentativa com a chave errada do banco de dados',
      wrong_db_key_other: '{{count}} tentativas com a chave errada do banco de dados',
    },
    explain: {
      connection_added: 'Conexões novas com bancos',
      connection_removed: 'Conexões removidas',
      relay_pairing: 'Pareamento com o relay feito ou desfeito',
      pluggy_credentials: 'Client ID ou Client Secret do Pluggy alterados',
      export: 'Exportações de transações e do registro de auditoria',
      backup: 'Cópias de segurança dos dados',
      login_failures: 'Três ou mais falhas de login no mesmo banco no mesmo dia',
      audit_chain_broken: 'Verificação da cadeia de auditoria que falhou',
      unknown_item_webhook: 'Avisos do Pluggy sobre conexões que este computador não tem',
      wrong_db_key: 'Tentativas de abrir o banco de dados com a chave errada',
    },
    filterChip: 'Mostrando só os registros da revisão de segurança de {{date}}.',
    clearFilter: 'Mostrar todos os registros',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type SecurityMessages = Widen<typeof ptBRSecurity>;
