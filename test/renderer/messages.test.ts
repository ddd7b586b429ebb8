// Every code, action, phase and reason the core can send has a sentence in both languages.
import { describe, expect, it } from 'vitest';
import {
  AuditFamily,
  REVIEW_CATEGORIES,
  RelayStatusView,
  SyncPhase,
  SyncReason,
} from '../../src/shared/contract';
import { ConnectionAction } from '../../src/shared/connections/status';
import {
  ConnectorHealthStatus,
  ItemProductsStatusDetail,
  OPEN_FINANCE_PERMISSIONS,
  PRODUCT_TYPES,
} from '../../src/shared/pluggy';
import { ERROR_CODES } from '../../src/shared/errors';
import { en } from '../../src/renderer/i18n/en';
import { ptBR } from '../../src/renderer/i18n/pt-BR';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);
}

const languages = { 'pt-BR': ptBR as unknown as Tree, en: en as unknown as Tree };

describe.each(Object.entries(languages))('%s messages', (_name, messages) => {
  const missing = (keys: string[]) => keys.filter((k) => typeof lookup(messages, k) !== 'string');

  it('explain every error code', () => {
    expect(missing(ERROR_CODES.map((c) => `errors.${c}`))).toEqual([]);
  });

  it('label every connection action, sync phase, sync reason and audit family', () => {
    expect(missing(ConnectionAction.options.map((a) => `actions.${a}`))).toEqual([]);
    expect(missing(SyncPhase.options.map((p) => `progress.phases.${p}`))).toEqual([]);
    expect(missing(SyncReason.options.map((r) => `diagnostics.reasons.${r}`))).toEqual([]);
    expect(missing(AuditFamily.options.map((f) => `audit.families.${f}`))).toEqual([]);
  });

  it('say in words what an unknown value from Pluggy is, and how many rows a sync could not read', () => {
    expect(
      missing([
        'status.UNKNOWN',
        'accounts.types.unknown',
        'diagnostics.skippedTransactions_one',
        'diagnostics.skippedTransactions_other',
        'diagnostics.skippedAccounts_one',
        'diagnostics.skippedAccounts_other',
        'audit.actions.open_finance__sync__row_skipped',
      ]),
    ).toEqual([]);
  });

  it('word every relay state with a badge and a hint', () => {
    const states = RelayStatusView.shape.state.options;
    expect(missing(states.flatMap((s) => [`relay.states.${s}`, `relay.stateHints.${s}`]))).toEqual([]);
  });

  it('word every finding of the security review, counted and explained', () => {
    const keys = REVIEW_CATEGORIES.flatMap((c) => [
      `security.categories.${c}_one`,
      `security.categories.${c}_other`,
      `security.explain.${c}`,
    ]);
    expect(missing(keys)).toEqual([]);
  });

  it('name every consent product and permission, what stops with each product, and every product left out of date', () => {
    const products = PRODUCT_TYPES.flatMap((p) => [
      `consents.productNames.${p}`,
      `consents.productStops.${p}`,
    ]);
    const permissions = OPEN_FINANCE_PERMISSIONS.map((p) => `consents.permissionNames.${p}`);
    const freshness = Object.keys(ItemProductsStatusDetail.shape).flatMap((p) => [
      `freshness.products.${p}.since`,
      `freshness.products.${p}.last`,
    ]);
    expect(missing([...products, ...permissions, ...freshness])).toEqual([]);
  });

  it('say every consent state on the card and every bank status Pluggy names', () => {
    const sentences = [
      'validUntil',
      'expiresIn_one',
      'expiresIn_other',
      'expiresToday',
      'expired',
      'revoked',
      'noExpiry',
    ];
    expect(missing(sentences.map((k) => `consents.${k}`))).toEqual([]);
    expect(missing(ConnectorHealthStatus.options.map((s) => `bankHealth.${s}`))).toEqual([]);
  });

  it('word every notice the core raises', () => {
    const notices = [
      'repeated_failures',
      'mfa_waiting',
      'consent_expiring',
      'consent_expired',
      'stale',
      'relay_rotation_due',
      'security_review',
      'fatura_closing',
      'fatura_due',
    ];
    expect(missing(notices.map((n) => `notices.${n}`))).toEqual([]);
  });

  it('have no empty message', () => {
    const empty: string[] = [];
    const walk = (node: Tree, prefix: string) => {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string') {
          if (v.trim() === '') empty.push(`${prefix}${k}`);
        } else walk(v, `${prefix}${k}.`);
      }
    };
    walk(messages, '');
    expect(empty).toEqual([]);
  });
});
