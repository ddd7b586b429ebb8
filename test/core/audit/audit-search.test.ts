// The audit search finds entries by the words the screen shows (action names, who, outcome, link names, details).
import i18next, { type i18n as I18n } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, pageAudit } from '../../../src/core/audit';
import { openDatabase, type Db } from '../../../src/core/store';
import { en } from '../../../src/renderer/i18n/en';
import { ptBR } from '../../../src/renderer/i18n/pt-BR';
import { auditSearchTerms } from '../../../src/renderer/screens/audit/audit-search-terms';
import { tempDb, type TempDb } from '../store/temp-db';

const NUBANK = 'item-nubank';
const MARIA = 'item-maria';
const connections = [
  { itemId: NUBANK, name: 'Nubank' },
  { itemId: MARIA, name: 'Conta da Maria' },
];

let t: TempDb;
let db: Db;
let i18n: I18n;
beforeAll(async () => {
  t = tempDb();
  db = openDatabase({ file: t.file, key: t.key });
  const add = (
    actor: 'user' | 'sync',
    action: string,
    connectionId: string,
    outcome: 'success' | 'failure',
    details: Record<string, unknown>,
  ) => appendAudit(db, { actor, action, connectionId, outcome, details });
  add('user', 'open_finance.sync.requested', NUBANK, 'success', { reason: 'manual', runId: 'r-1' });
  add('sync', 'open_finance.sync.succeeded', MARIA, 'success', { inserted: 5, runId: 'r-2' });
  add('sync', 'open_finance.sync.failed', NUBANK, 'failure', { code: 'INVALID_CREDENTIALS', runId: 'r-3' });
  i18n = i18next.createInstance();
  await i18n.init({
    resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } },
    lng: 'pt-BR',
    fallbackLng: 'pt-BR',
    interpolation: { escapeValue: false },
  });
});
afterAll(() => {
  db.close();
  t.cleanup();
});

/** The actions of the entries the search shows, newest first. */
function search(text: string): string[] {
  const terms = auditSearchTerms(text, i18n, i18n.language, connections);
  return pageAudit(db, { filter: { terms } }).rows.map((e) => e.action.replace('open_finance.sync.', ''));
}

describe('audit search', () => {
  it('finds the entries of a link by the name shown for it', () => {
    expect(search('Nubank')).toEqual(['failed', 'requested']);
    expect(search('maria')).toEqual(['succeeded']);
  });

  it('finds an entry by its action name in Portuguese, with or without accents', () => {
    expect(search('Sincronização concluída')).toEqual(['succeeded']);
    expect(search('sincronizacao falhou')).toEqual(['failed']);
  });

  it('needs every word to match, across the name, the link and who did it', () => {
    expect(search('Sincronização Nubank')).toEqual(['failed', 'requested']);
    expect(search('Você Nubank')).toEqual(['requested']);
    expect(search('Falha Nubank')).toEqual(['failed']);
    expect(search('Falha Maria')).toEqual([]);
  });

  it('finds an entry by the words of its details: their labels and translated values', () => {
    expect(search('pedido por você')).toEqual(['requested']);
    expect(search('Novos')).toEqual(['succeeded']);
  });

  it('finds an error by the sentence the app says for its code', () => {
    expect(search('bloqueada')).toEqual([]);
    expect(search('senha não foi aceita')).toEqual(['failed']);
  });

  it('still finds codes and stored words the details hold as they are', () => {
    expect(search('INVALID_CREDENTIALS')).toEqual(['failed']);
    expect(search('r-2')).toEqual(['succeeded']);
  });

  it('finds the same entries by their English names once the app is in English', async () => {
    await i18n.changeLanguage('en');
    try {
      expect(search('Sync finished')).toEqual(['succeeded']);
      expect(search('asked by you')).toEqual(['requested']);
      // A Portuguese name is not what an English screen shows.
      expect(search('concluída')).toEqual([]);
    } finally {
      await i18n.changeLanguage('pt-BR');
    }
  });
});
