// English for transfers between the person's own accounts, card-bill payments and accounts under two links.
import type { ptBRTransfers } from './pt-BR-transfers';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enTransfers: Widen<typeof ptBRTransfers> = {
  transfers: {
    badge: {
      transfer: 'Between your accounts',
      bill_payment: 'Card bill payment',
    },
    badgeTitle: {
      transfer_out: 'Transfer to {{account}} ({{link}}); left out of spending',
      transfer_in: 'Transfer from {{account}} ({{link}}); left out of spending',
      bill_payment: 'Pays the {{card}} bill ({{link}}) due on {{date}}; left out of spending',
    },
    section: 'Money moved between your accounts',
    transfer_out: 'Transfer to {{account}} at {{link}}: the other side, {{amount}}, came in on {{date}}.',
    transfer_in: 'Transfer from {{account}} at {{link}}: the other side, {{amount}}, went out on {{date}}.',
    bill_payment: 'Payment of the {{card}} bill at {{link}}, due on {{date}}, {{amount}} in total.',
    leftOut: {
      transfer: 'Not counted as spending or in the totals: the money only changed accounts.',
      bill_payment: "Not counted as spending: the card's purchases already are.",
    },
    undo: {
      transfer: 'Not a transfer between my accounts',
      bill_payment: "Not this bill's payment",
    },
    undone: {
      transfer: 'Done: both sides count again, and Cofre will not pair them again.',
      bill_payment: 'Done: this payment is no longer tied to the bill.',
    },
    history: {
      found_transfer: 'Recognised as a transfer between your accounts',
      found_bill_payment: 'Tied to a card bill payment',
      undone_transfer: 'You said it is not a transfer between your accounts',
      undone_bill_payment: "You said it is not this bill's payment",
    },
    duplicate: {
      counted: 'Also listed under {{links}}. This one counts in the totals.',
      notCounted: 'The same account is listed under {{links}}: this one does not count in the totals.',
      byYou: 'Your choice.',
      keep: 'Count this one',
      separate: 'They are different accounts',
      kept: 'Done: this one counts in the totals now.',
      separated: 'Done: both count in the totals.',
      totalsNote_one: '{{count}} account is listed under two links and counts once.',
      totalsNote_other: '{{count}} accounts are listed under two links and count once.',
      totalsCopies_one:
        '{{count}} row of an account also listed under another link is left out of the totals.',
      totalsCopies_other:
        '{{count}} rows of an account also listed under another link are left out of the totals.',
    },
  },
};
