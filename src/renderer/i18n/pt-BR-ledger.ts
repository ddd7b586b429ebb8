// Portuguese (Brazil) for the ledger check: each account's balance against the transactions Cofre stored.
export const ptBRLedger = {
  ledger: {
    title: 'Conferência dos saldos',
    intro:
      'A cada sincronização o Cofre confere se o saldo que o banco informa mudou exatamente o que as transações recebidas explicam.',
    allOk_one: 'Saldos conferem: o saldo da conta bate com as transações guardadas.',
    allOk_other:
      'Saldos conferem: o saldo de cada uma das {{count}} contas bate com as transações guardadas.',
    othersOk_one: 'A outra conta confere.',
    othersOk_other: 'As outras {{count}} contas conferem.',
    unchecked_one:
      '{{count}} conta ainda não foi conferida: a conferência começa na próxima sincronização concluída.',
    unchecked_other:
      '{{count}} contas ainda não foram conferidas: a conferência começa na próxima sincronização concluída.',
    noAccounts: 'Nenhuma conta para conferir ainda.',
    gapBetween: 'Pode faltar {{amount}} entre {{from}} e {{to}}',
    gapOnDay: 'Pode faltar {{amount}} em {{day}}, entre {{from}} e {{to}}',
    gapAt: 'Pode faltar {{amount}} em {{day}}, às {{time}}',
    gapSince: 'Pode faltar {{amount}} desde {{from}}',
    missingOut: 'Uma saída que o banco contou no saldo não veio na lista de transações.',
    missingIn: 'Uma entrada que o banco contou no saldo não veio na lista de transações.',
    missingSince:
      'As transações guardadas mudaram depois da última sincronização; a próxima deve trazê-las de volta.',
    whatToDo: 'Sincronize de novo; se continuar, confira o extrato no banco.',
    runs: 'Sincronizações do período: {{list}}',
    runsMore_one: 'e mais {{count}}',
    runsMore_other: 'e mais {{count}}',
    noRuns: 'Nenhuma sincronização cobriu o período.',
    run: '{{when}} ({{outcome}})',
  },
};
