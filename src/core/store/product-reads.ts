// What the last sync of each connection read of each product beside accounts: read, not covered, or failed.
import type { Db } from './db';
import { prepared } from './prepared';

export type ReadProduct = 'investments' | 'loans';
export type ProductReadState = 'read' | 'not_covered' | 'failed';

export interface ProductRead {
  connectionId: string;
  product: ReadProduct;
  state: ProductReadState;
  /** When the last sync tried. */
  attemptedAt: string;
  /** When the product was last read whole (kept through later failures). */
  readAt: string | null;
  errorCode: string | null;
}

export function recordProductRead(
  db: Db,
  connectionId: string,
  product: ReadProduct,
  outcome: { state: ProductReadState; at: string; errorCode?: string | null },
): void {
  prepared(
    db,
    `INSERT INTO product_reads (connection_id, product, state, attempted_at, read_at, error_code)
     VALUES (@connectionId, @product, @state, @at, CASE WHEN @state = 'read' THEN @at END, @errorCode)
     ON CONFLICT (connection_id, product) DO UPDATE SET state = excluded.state,
       attempted_at = excluded.attempted_at, error_code = excluded.error_code,
       read_at = CASE WHEN excluded.state = 'read' THEN excluded.attempted_at ELSE product_reads.read_at END`,
  ).run({
    connectionId,
    product,
    state: outcome.state,
    at: outcome.at,
    errorCode: outcome.errorCode ?? null,
  });
}

export function listProductReads(db: Db): ProductRead[] {
  return prepared(
    db,
    `SELECT p.connection_id AS connectionId, p.product, p.state, p.attempted_at AS attemptedAt,
       p.read_at AS readAt, p.error_code AS errorCode
     FROM product_reads p JOIN connections c ON c.id = p.connection_id WHERE c.archived_at IS NULL
     ORDER BY p.connection_id, p.product`,
  ).all() as ProductRead[];
}
