// Cofre's zod schemas accept every example in Pluggy's spec for the answers Cofre reads.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  Account,
  AuthResponse,
  Bill,
  Category,
  ConnectTokenResponse,
  Connector,
  Consent,
  ConsentPage,
  DeleteItemResponse,
  ErrorBody,
  Investment,
  InvestmentTransactionPage,
  Item,
  LegacyTransactionPage,
  Loan,
  Page,
  Transaction,
  TransactionPage,
  Webhook,
} from '../../../src/shared/pluggy';
import { loadSpec } from './spec-validator';

/** The success answer Cofre parses, per operation; every 4xx/5xx example of these is read as an ErrorBody. */
const READERS: Record<string, z.ZodType> = {
  'POST /auth': AuthResponse,
  'POST /connect_token': ConnectTokenResponse,
  'GET /connectors': Page(Connector),
  'GET /connectors/{id}': Connector,
  'POST /items': Item,
  'GET /items/{id}': Item,
  'PATCH /items/{id}': Item,
  'DELETE /items/{id}': DeleteItemResponse,
  'POST /items/{id}/mfa': Item,
  'PATCH /items/{id}/disable-auto-sync': Item,
  'GET /accounts': Page(Account),
  'GET /accounts/{id}': Account,
  'GET /v2/transactions': TransactionPage,
  'GET /transactions': LegacyTransactionPage,
  'GET /transactions/{id}': Transaction,
  'PATCH /transactions/{id}': Transaction,
  'GET /categories': Page(Category),
  'GET /categories/{id}': Category,
  'GET /webhooks': Page(Webhook),
  'POST /webhooks': Webhook,
  'GET /webhooks/{id}': Webhook,
  'PATCH /webhooks/{id}': Webhook,
  'GET /investments': Page(Investment),
  'GET /investments/{id}': Investment,
  'GET /investments/{id}/transactions': InvestmentTransactionPage,
  'GET /loans': Page(Loan),
  'GET /loans/{id}': Loan,
  'GET /consents': ConsentPage,
  'GET /consents/{id}': Consent,
  'GET /bills': Page(Bill),
  'GET /bills/{id}': Bill,
};

/** Component schemas whose own `example` is one of these shapes. */
const COMPONENTS: Record<string, z.ZodType> = {
  Item,
  Account,
  Transaction,
  Connector,
  Category,
  Consent,
  PageResponseConsents: ConsentPage,
  ConnectorListResponse: Page(Connector),
  CursorPageResponseTransactions: TransactionPage,
  AuthResponse,
  ConnectTokenResponse,
  ICountResponse: DeleteItemResponse,
  GlobalErrorResponse: ErrorBody,
  NotAuthenticatedResponse: ErrorBody.partial(),
  Investment,
  // Loan's own `example` is `{}`, a placeholder rather than a loan: its answers' examples are read above.
  // Bill, BillFinanceCharge and BillPayment carry only an empty placeholder `{}` as their example (no id,
  // no dueDate: nothing a fatura is made of); the answers' examples above are the real ones.
};

interface Example {
  where: string;
  value: unknown;
  schema: z.ZodType;
}

function specExamples(): Example[] {
  const spec = loadSpec() as unknown as {
    paths: Record<
      string,
      Record<string, { responses?: Record<string, { content?: Record<string, MediaType> }> }>
    >;
    components: { schemas: Record<string, { example?: unknown }> };
  };
  const out: Example[] = [];
  for (const [operation, success] of Object.entries(READERS)) {
    const [method, path] = operation.split(' ') as [string, string];
    const responses = spec.paths[path]?.[method.toLowerCase()]?.responses ?? {};
    expect(Object.keys(responses), operation).not.toHaveLength(0);
    for (const [status, response] of Object.entries(responses)) {
      const media = response.content?.['application/json'];
      if (!media) continue;
      const schema = Number(status) >= 400 ? ErrorBody : success;
      for (const [name, value] of examplesOf(media))
        out.push({ where: `${operation} ${status} ${name}`, value, schema });
    }
  }
  for (const [name, schema] of Object.entries(COMPONENTS)) {
    const example = spec.components.schemas[name]?.example;
    if (example !== undefined) out.push({ where: `#/components/schemas/${name}`, value: example, schema });
  }
  return out;
}

interface MediaType {
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

function examplesOf(media: MediaType): [string, unknown][] {
  const out: [string, unknown][] = [];
  if (media.example !== undefined) out.push(['example', media.example]);
  for (const [name, e] of Object.entries(media.examples ?? {}))
    if (e.value !== undefined) out.push([name, e.value]);
  return out;
}

describe('the examples in Pluggy’s spec', () => {
  const examples = specExamples();

  it('are many, from answers and from component schemas', () => {
    expect(examples.length).toBeGreaterThan(40);
  });

  for (const { where, value, schema } of examples) {
    it(`parse: ${where}`, () => {
      const parsed = schema.safeParse(value);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    });
  }
});
