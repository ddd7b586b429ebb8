// Test helper: one stored connection with one bank account, ready for transactions.
import type { Db } from '../../../src/core/store';
import { upsertAccounts, upsertConnection } from '../../../src/core/store';
import { sampleAccount, sampleItem } from './sample-data';

export const ITEM_ID = 'item-1';
export const ACCOUNT_ID = 'acc-1';

export function seedConnection(db: Db, itemId = ITEM_ID, accountIds: string[] = [ACCOUNT_ID]): void {
  upsertConnection(db, sampleItem(itemId));
  upsertAccounts(
    db,
    itemId,
    accountIds.map((id) => sampleAccount(id, itemId)),
  );
}
