// Realistic Brazilian fake data: people with valid CPFs, merchants with CNPJs, boleto lines.
import { intBetween, pick, type Rng } from './prng';

const FIRST = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Eduarda',
  'Felipe',
  'Gabriela',
  'Heitor',
  'Isabela',
  'João',
  'Larissa',
  'Marcos',
  'Natália',
  'Otávio',
  'Paula',
  'Rafael',
  'Sofia',
  'Thiago',
  'Vitória',
  'Yuri',
];
const LAST = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Almeida',
  'Lopes',
  'Barbosa',
  'Araújo',
];

export interface MerchantInfo {
  name: string;
  businessName: string;
  cnpj: string;
  cnae: string;
  category: string;
  categoryId: string;
  mcc: number;
  min: number;
  max: number;
}

const m = (
  name: string,
  businessName: string,
  cnpj: string,
  cnae: string,
  category: string,
  categoryId: string,
  mcc: number,
  min: number,
  max: number,
): MerchantInfo => ({ name, businessName, cnpj, cnae, category, categoryId, mcc, min, max });

/** A merchant as a transaction's `merchant` field carries it. */
export function merchantField(mer: MerchantInfo) {
  return {
    name: mer.name,
    businessName: mer.businessName,
    cnpj: mer.cnpj,
    cnae: mer.cnae,
    category: mer.category,
  };
}

export const MERCHANTS: readonly MerchantInfo[] = [
  m(
    'iFood',
    'IFOOD.COM AGENCIA DE RESTAURANTES ONLINE S.A.',
    '14380200000121',
    '7490104',
    'Food delivery',
    '11020000',
    5812,
    25,
    140,
  ),
  m(
    'Uber',
    'UBER DO BRASIL TECNOLOGIA LTDA.',
    '17895646000187',
    '7490104',
    'Taxi and ride-hailing',
    '17010000',
    4121,
    9,
    75,
  ),
  m(
    '99',
    '99 TECNOLOGIA LTDA',
    '18033552000161',
    '7490104',
    'Taxi and ride-hailing',
    '17010000',
    4121,
    8,
    60,
  ),
  m(
    'Pão de Açúcar',
    'COMPANHIA BRASILEIRA DE DISTRIBUICAO',
    '47508411000156',
    '4711301',
    'Groceries',
    '10000000',
    5411,
    40,
    650,
  ),
  m(
    'Carrefour',
    'CARREFOUR COMERCIO E INDUSTRIA LTDA',
    '45543915000181',
    '4711301',
    'Groceries',
    '10000000',
    5411,
    35,
    700,
  ),
  m('Drogasil', 'RAIA DROGASIL S.A.', '61585865000151', '4771701', 'Pharmacy', '14020000', 5912, 15, 300),
  m(
    'Netflix',
    'NETFLIX ENTRETENIMENTO BRASIL LTDA.',
    '13590585000199',
    '5911199',
    'Video streaming',
    '09010000',
    4899,
    39.9,
    59.9,
  ),
  m(
    'Spotify',
    'SPOTIFY BRASIL SERVICOS DE MUSICA LTDA.',
    '22429327000101',
    '5912099',
    'Digital services',
    '09000000',
    4899,
    21.9,
    34.9,
  ),
  m(
    'Amazon',
    'AMAZON SERVICOS DE VAREJO DO BRASIL LTDA.',
    '15436940000103',
    '4761003',
    'Online shopping',
    '08010000',
    5942,
    30,
    900,
  ),
  m(
    'Mercado Livre',
    'EBAZAR.COM.BR. LTDA',
    '03007331000141',
    '4789099',
    'Online shopping',
    '08010000',
    5999,
    20,
    1200,
  ),
  m(
    'Magazine Luiza',
    'MAGAZINE LUIZA S/A',
    '47960950000121',
    '4753900',
    'Electronics',
    '08020000',
    5732,
    80,
    4500,
  ),
  m('Posto Shell', 'RAIZEN S.A.', '33453598000123', '4731800', 'Gas stations', '17030000', 5541, 60, 350),
  m(
    'Outback',
    'PGS PARTICIPACOES LTDA',
    '17261661000172',
    '5611201',
    'Eating out',
    '11010000',
    5812,
    90,
    420,
  ),
  m(
    'Padaria Real',
    'PADARIA REAL COMERCIO DE ALIMENTOS LTDA',
    '08345672000190',
    '1091102',
    'Food and drinks',
    '11000000',
    5814,
    8,
    70,
  ),
  m(
    'Vivo',
    'TELEFONICA BRASIL S.A.',
    '02558157000162',
    '6110801',
    'Telecommunications',
    '07010000',
    4814,
    59.9,
    189.9,
  ),
  m('Decolar', 'DECOLAR.COM LTDA.', '03563689000150', '7911200', 'Travel', '12000000', 4722, 300, 3800),
];

export const UTILITIES = [
  {
    name: 'Enel Distribuição São Paulo',
    cnpj: '61695227000193',
    category: 'Electricity',
    categoryId: '15010000',
    min: 90,
    max: 480,
  },
  { name: 'Sabesp', cnpj: '43776517000180', category: 'Water', categoryId: '15020000', min: 45, max: 220 },
  {
    name: 'Condomínio Edifício Aurora',
    cnpj: '05874120000133',
    category: 'Housing',
    categoryId: '16000000',
    min: 650,
    max: 1400,
  },
] as const;

export const EMPLOYER = { name: 'ACME Tecnologia Ltda', cnpj: '11222333000181' };

export function personName(rng: Rng): string {
  return `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
}

/** A CPF with valid check digits (11 digits, unformatted). */
export function cpf(rng: Rng): string {
  const digits = Array.from({ length: 9 }, () => intBetween(rng, 0, 9));
  for (const len of [9, 10]) {
    const sum = digits.slice(0, len).reduce((acc, d, i) => acc + d * (len + 1 - i), 0);
    const rest = (sum * 10) % 11;
    digits.push(rest === 10 ? 0 : rest);
  }
  return digits.join('');
}

export function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(intBetween(rng, 0, 9));
  return out;
}

/** A 47-digit boleto digitable line and its 44-digit barcode (shape only, not check-digit exact). */
export function boletoLines(rng: Rng, amount: number): { digitableLine: string; barcode: string } {
  const value = String(Math.round(amount * 100)).padStart(10, '0');
  const bankCode = pick(rng, ['341', '237', '001', '104', '033']);
  const barcode = `${bankCode}9${digits(rng, 1)}${digits(rng, 4)}${value}${digits(rng, 25)}`;
  const digitableLine = `${bankCode}9${digits(rng, 33)}${digits(rng, 4)}${value}`;
  return { digitableLine, barcode };
}

export const BANKS_ISPB = [
  { code: '341', ispb: '60701190', name: 'Itaú' },
  { code: '260', ispb: '18236120', name: 'Nubank' },
  { code: '237', ispb: '60746948', name: 'Bradesco' },
  { code: '001', ispb: '00000000', name: 'Banco do Brasil' },
  { code: '077', ispb: '00416968', name: 'Inter' },
] as const;
