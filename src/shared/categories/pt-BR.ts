// Pluggy's category names (English, as the API sends them) in Portuguese: the screens and pt-BR exports.
export const CATEGORY_NAMES_PT_BR: Readonly<Record<string, string>> = {
  Income: 'Renda',
  Salary: 'Salário',
  Investments: 'Investimentos',
  Transfers: 'Transferências',
  'Transfer - PIX': 'Transferência - PIX',
  'Credit card payment': 'Pagamento de cartão de crédito',
  'Legal obligations': 'Obrigações legais',
  Services: 'Serviços',
  Telecommunications: 'Telecomunicações',
  Shopping: 'Compras',
  'Online shopping': 'Compras online',
  Electronics: 'Eletrônicos',
  'Digital services': 'Serviços digitais',
  'Video streaming': 'Streaming de vídeo',
  Groceries: 'Supermercado',
  'Food and drinks': 'Alimentação',
  'Eating out': 'Restaurantes',
  'Food delivery': 'Delivery de comida',
  Travel: 'Viagem',
  Health: 'Saúde',
  Pharmacy: 'Farmácia',
  'Bills and utilities': 'Contas',
  Electricity: 'Energia elétrica',
  Water: 'Água',
  Housing: 'Moradia',
  Rent: 'Aluguel',
  Transport: 'Transporte',
  'Taxi and ride-hailing': 'Táxi e transporte privado',
  'Gas stations': 'Postos de gasolina',
  Taxes: 'Impostos',
};

/** A category in Portuguese; one Pluggy added after this table is kept as Pluggy sent it. */
export function categoryNamePtBr(category: string): string {
  return CATEGORY_NAMES_PT_BR[category] ?? category;
}
