// Pluggy-style enrichment categories (8-digit ids, parent = first 2 digits + zeros).
import type { Category } from '../../shared/pluggy';

const raw: [string, string, string][] = [
  ['01000000', 'Income', 'Renda'],
  ['01010000', 'Salary', 'Salário'],
  ['03000000', 'Investments', 'Investimentos'],
  ['05000000', 'Transfers', 'Transferências'],
  ['05070000', 'Transfer - PIX', 'Transferência - PIX'],
  ['05100000', 'Credit card payment', 'Pagamento de cartão de crédito'],
  ['06000000', 'Legal obligations', 'Obrigações legais'],
  ['07000000', 'Services', 'Serviços'],
  ['07010000', 'Telecommunications', 'Telecomunicações'],
  ['08000000', 'Shopping', 'Compras'],
  ['08010000', 'Online shopping', 'Compras online'],
  ['08020000', 'Electronics', 'Eletrônicos'],
  ['09000000', 'Digital services', 'Serviços digitais'],
  ['09010000', 'Video streaming', 'Streaming de vídeo'],
  ['10000000', 'Groceries', 'Supermercado'],
  ['11000000', 'Food and drinks', 'Alimentação'],
  ['11010000', 'Eating out', 'Restaurantes'],
  ['11020000', 'Food delivery', 'Delivery de comida'],
  ['12000000', 'Travel', 'Viagem'],
  ['14000000', 'Health', 'Saúde'],
  ['14020000', 'Pharmacy', 'Farmácia'],
  ['15000000', 'Bills and utilities', 'Contas'],
  ['15010000', 'Electricity', 'Energia elétrica'],
  ['15020000', 'Water', 'Água'],
  ['16000000', 'Housing', 'Moradia'],
  ['16010000', 'Rent', 'Aluguel'],
  ['17000000', 'Transport', 'Transporte'],
  ['17010000', 'Taxi and ride-hailing', 'Táxi e transporte privado'],
  ['17030000', 'Gas stations', 'Postos de gasolina'],
  ['19000000', 'Taxes', 'Impostos'],
];

export const CATEGORIES: readonly Category[] = raw.map(([id, description, translated]) => {
  const parentId = `${id.slice(0, 2)}000000`;
  const parent = raw.find((r) => r[0] === parentId);
  return {
    id,
    description,
    descriptionTranslated: translated,
    parentId: parentId === id ? null : parentId,
    parentDescription: parentId === id ? null : (parent?.[1] ?? null),
  };
});

export function categoryById(id: string): Category | undefined {
  return CATEGORIES.find((c) => c.id === id);
}
