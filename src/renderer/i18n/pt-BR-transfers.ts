// pt-BR para transferências entre as contas da pessoa, pagamentos de fatura e contas em duas conexões.
export const ptBRTransfers = {
  transfers: {
    badge: {
      transfer: 'Entre suas contas',
      bill_payment: 'Pagamento de fatura',
    },
    badgeTitle: {
      transfer_out: 'Transferência para {{account}} ({{link}}); fica fora dos gastos',
      transfer_in: 'Transferência de {{account}} ({{link}}); fica fora dos gastos',
      bill_payment: 'Paga a fatura do {{card}} ({{link}}) que vence em {{date}}; fica fora dos gastos',
    },
    section: 'Movimentação entre suas contas',
    transfer_out:
      'Transferência para {{account}} em {{link}}: a outra ponta, de {{amount}}, entrou em {{date}}.',
    transfer_in: 'Transferência de {{account}} em {{link}}: a outra ponta, de {{amount}}, saiu em {{date}}.',
    bill_payment:
      'Pagamento da fatura do {{card}} em {{link}}, que vence em {{date}}, de {{amount}} no total.',
    leftOut: {
      transfer: 'Não entra nos gastos nem nos totais: o dinheiro só mudou de conta.',
      bill_payment: 'Não entra nos gastos: as compras do cartão já contam.',
    },
    undo: {
      transfer: 'Não é uma transferência entre minhas contas',
      bill_payment: 'Não é o pagamento desta fatura',
    },
    undone: {
      transfer: 'Pronto: as duas pontas voltam a contar, e o Cofre não as junta de novo.',
      bill_payment: 'Pronto: este pagamento não fica mais ligado à fatura.',
    },
    history: {
      found_transfer: 'Reconhecida como transferência entre suas contas',
      found_bill_payment: 'Ligada ao pagamento de uma fatura',
      undone_transfer: 'Você disse que não é uma transferência entre suas contas',
      undone_bill_payment: 'Você disse que não é o pagamento desta fatura',
    },
    duplicate: {
      counted: 'Também aparece em {{links}}. Esta é a que conta nos totais.',
      notCounted: 'A mesma conta aparece em {{links}}: esta não conta nos totais.',
      byYou: 'Escolha sua.',
      keep: 'Contar esta',
      separate: 'São contas diferentes',
      kept: 'Pronto: esta passa a contar nos totais.',
      separated: 'Pronto: as duas contam nos totais.',
      totalsNote_one: '{{count}} conta aparece em duas conexões e conta uma vez só.',
      totalsNote_other: '{{count}} contas aparecem em duas conexões e contam uma vez só.',
      totalsCopies_one:
        '{{count}} lançamento de uma conta que também aparece em outra conexão não entra nos totais.',
      totalsCopies_other:
        '{{count}} lançamentos de uma conta que também aparece em outra conexão não entram nos totais.',
    },
  },
};
