// Runs item executions over time: LOGIN_IN_PROGRESS → (MFA) → *_IN_PROGRESS → MERGING → terminal, with webhooks.
import type { ExecutionErrorCode, ExecutionStatus, TriggeredBy } from '../../shared/pluggy';
import { iso, type Clock } from '../clock';
import { findConnector, mfaStyleOf, MFA_PROMPT } from '../data/connectors';
import { currentConsent, grantConsent } from '../data/consents';
import { owedByBills } from '../data/card-owed';
import { createAccounts, evolve, type Changes } from '../data/evolve';
import { AccountLedger } from '../data/ledger';
import { addOwnTransfer } from '../data/own-transfers';
import { mirrorBillPayments } from '../data/bill-payments';
import { ApiError } from '../http/api-error';
import type { SandboxStore } from '../store';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import type { ItemRecord } from './item-record';
import { acceptsOneTimeCode, alreadyUpdating } from './refusals';
import { successStatusDetail, transactionEvents } from './success-payloads';
import { ERROR_MESSAGES, outcomeFor, SANDBOX_MFA_TOKEN, statusForError, type Outcome } from './outcomes';

export interface ExecutorConfig {
  seed: string;
  clientId: string;
  executionMs: number;
  mfaTimeoutMs: number;
  transactionsPerAccount: number;
  newDataOnSync: boolean;
  ownTransfers: boolean;
  legacyItemCreated: boolean;
  baseUrl: () => string;
}

class Cancelled extends Error {}

interface Running {
  abort: AbortController;
  mfa?: (answer: Record<string, string> | 'timeout') => void;
}

export class Executor {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly store: SandboxStore,
    private readonly hooks: WebhookDispatcher,
    private readonly clock: Clock,
    private readonly config: ExecutorConfig,
  ) {}

  isRunning(itemId: string): boolean {
    return this.running.has(itemId);
  }

  /** Starts an execution; throws ITEM_ALREADY_UPDATING while one runs. */
  start(record: ItemRecord, triggeredBy: TriggeredBy, first: boolean): void {
    if (this.running.has(record.item.id)) throw alreadyUpdating(true);
    const run: Running = { abort: new AbortController() };
    this.running.set(record.item.id, run);
    this.set(record, {
      status: 'UPDATING',
      executionStatus: first ? 'CREATING' : 'LOGIN_IN_PROGRESS',
      error: null,
      parameter: null,
    });
    void this.execute(record, run, triggeredBy, first)
      .catch((err: unknown) => {
        if (err instanceof Cancelled) return;
        this.finishError(record, 'UNEXPECTED_ERROR', triggeredBy);
      })
      .finally(() => {
        if (this.running.get(record.item.id) === run) this.running.delete(record.item.id);
      });
  }

  /** After a restart from persisted state: executions that were under way start again. */
  resumeInterrupted(): void {
    for (const record of this.store.items.values()) {
      const { status } = record.item;
      if (status === 'UPDATING' || status === 'MERGING' || status === 'WAITING_USER_INPUT') {
        this.start(record, 'INTERNAL', record.accountIds.length === 0);
      }
    }
  }

  /** POST /items/{id}/mfa: answers the pending prompt. */
  submitMfa(itemId: string, answer: Record<string, string>): void {
    const run = this.running.get(itemId);
    if (!run?.mfa) throw new ApiError(400, 'Item is not waiting for user input');
    run.mfa(answer);
  }

  cancel(itemId: string): void {
    this.running.get(itemId)?.abort.abort();
    this.running.delete(itemId);
  }

  close(): void {
    for (const id of [...this.running.keys()]) this.cancel(id);
  }

  private set(record: ItemRecord, patch: Partial<ItemRecord['item']>): void {
    Object.assign(record.item, patch, { updatedAt: iso(this.clock.now()) });
    this.store.changed();
  }

  private sleep(fraction: number, run: Running): Promise<void> {
    const ms = Math.round(this.config.executionMs * fraction);
    return new Promise((resolve, reject) => {
      if (run.abort.signal.aborted) return reject(new Cancelled());
      const timer = setTimeout(resolve, ms);
      run.abort.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Cancelled());
      });
    });
  }

  private step(
    record: ItemRecord,
    executionStatus: ExecutionStatus,
    run: Running,
    fraction: number,
  ): Promise<void> {
    this.set(record, { executionStatus });
    return this.sleep(fraction, run);
  }

  private itemEvent(
    record: ItemRecord,
    event:
      | 'item/created'
      | 'item/updated'
      | 'item/waiting_user_input'
      | 'item/waiting_user_action'
      | 'item/login_succeeded',
    triggeredBy: TriggeredBy,
  ): void {
    const { id, clientUserId, webhookUrl } = record.item;
    this.hooks.emit(
      {
        event,
        id,
        itemId: id,
        clientId: this.config.clientId,
        triggeredBy,
        clientUserId: clientUserId ?? null,
      },
      webhookUrl,
      event === 'item/created' && this.config.legacyItemCreated,
    );
  }

  private async execute(
    record: ItemRecord,
    run: Running,
    triggeredBy: TriggeredBy,
    first: boolean,
  ): Promise<void> {
    const connector = findConnector(record.item.connectorId);
    const outcome = outcomeFor(record.parameters, connector?.isSandbox === true);
    if (first) await this.sleep(0.05, run);
    await this.step(record, 'LOGIN_IN_PROGRESS', run, 0.2);
    if (outcome.kind === 'error')
      return this.finishError(record, outcome.code, triggeredBy, outcome.providerMessage);
    const style = mfaStyleOf(record.item.connectorId);
    if (style === 'one-step') {
      const token = record.parameters.token;
      if (token !== undefined) record.usedTokens = [...(record.usedTokens ?? []), token].slice(-20);
      if (!acceptsOneTimeCode(token)) return this.finishError(record, 'INVALID_CREDENTIALS_MFA', triggeredBy);
    }
    if (style === 'two-step') {
      const answer = await this.waitForMfa(record, run, triggeredBy);
      if (answer === 'timeout')
        return this.finishError(record, 'USER_INPUT_TIMEOUT', triggeredBy, undefined, 'token');
      if (answer.token !== SANDBOX_MFA_TOKEN)
        return this.finishError(record, 'INVALID_CREDENTIALS_MFA', triggeredBy);
      this.set(record, { status: 'UPDATING', parameter: null });
      await this.step(record, 'LOGIN_MFA_IN_PROGRESS', run, 0.1);
    }
    if (outcome.kind === 'success' && outcome.approval) await this.waitForApproval(record, run, triggeredBy);
    this.itemEvent(record, 'item/login_succeeded', triggeredBy);
    await this.step(record, 'ACCOUNTS_IN_PROGRESS', run, 0.15);
    await this.step(record, 'CREDITCARDS_IN_PROGRESS', run, 0.15);
    await this.step(record, 'TRANSACTIONS_IN_PROGRESS', run, 0.25);
    this.set(record, { status: 'MERGING' });
    await this.sleep(0.2, run);
    this.finishSuccess(record, outcome, triggeredBy);
  }

  /**
   * The bank asks the user to approve the access in its app; the sandbox "user" approves after a moment.
   * `userAction` as Pluggy sends it: instructions and an expiry, no `type` (the spec does not have one).
   */
  private async waitForApproval(record: ItemRecord, run: Running, triggeredBy: TriggeredBy): Promise<void> {
    this.set(record, {
      status: 'WAITING_USER_ACTION',
      executionStatus: 'WAITING_USER_ACTION',
      userAction: {
        instructions: 'Abra o app do banco e aprove o acesso do Pluggy.',
        expiresAt: iso(this.clock.now() + this.config.mfaTimeoutMs),
      },
    });
    this.itemEvent(record, 'item/waiting_user_action', triggeredBy);
    await this.sleep(0.3, run);
    this.set(record, { status: 'UPDATING', executionStatus: 'LOGIN_IN_PROGRESS', userAction: null });
  }

  private waitForMfa(
    record: ItemRecord,
    run: Running,
    triggeredBy: TriggeredBy,
  ): Promise<Record<string, string> | 'timeout'> {
    const expiresAtMs = this.clock.now() + this.config.mfaTimeoutMs;
    this.set(record, {
      status: 'WAITING_USER_INPUT',
      executionStatus: 'WAITING_USER_INPUT',
      parameter: { ...MFA_PROMPT, expiresAt: iso(expiresAtMs) },
    });
    this.itemEvent(record, 'item/waiting_user_input', triggeredBy);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => settle('timeout'), this.config.mfaTimeoutMs);
      const settle = (answer: Record<string, string> | 'timeout') => {
        clearTimeout(timer);
        run.mfa = undefined;
        // The sandbox clock may have been pushed past expiresAt by the admin route.
        resolve(answer !== 'timeout' && this.clock.now() > expiresAtMs ? 'timeout' : answer);
      };
      run.mfa = settle;
      run.abort.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Cancelled());
      });
    });
  }

  private finishError(
    record: ItemRecord,
    code: ExecutionErrorCode,
    triggeredBy: TriggeredBy,
    providerMessage?: string,
    parameter?: string,
  ): void {
    const status = statusForError(code);
    const error = { code, message: ERROR_MESSAGES[code], ...(providerMessage ? { providerMessage } : {}) };
    const failedLogins = record.item.consecutiveFailedLoginAttempts ?? 0;
    record.consecutiveErrors = (record.consecutiveErrors ?? 0) + 1;
    record.lastExecutionEndedAt = iso(this.clock.now());
    this.set(record, {
      status,
      executionStatus: code,
      error,
      parameter: null,
      consecutiveFailedLoginAttempts: status === 'LOGIN_ERROR' ? failedLogins + 1 : failedLogins,
    });
    const { id, clientUserId, webhookUrl } = record.item;
    this.hooks.emit(
      {
        event: 'item/error',
        id,
        itemId: id,
        clientId: this.config.clientId,
        triggeredBy,
        clientUserId: clientUserId ?? null,
        error: { ...error, ...(parameter ? { parameter } : {}) },
      },
      webhookUrl,
    );
  }

  private finishSuccess(
    record: ItemRecord,
    outcome: Extract<Outcome, { kind: 'success' }>,
    triggeredBy: TriggeredBy,
  ): void {
    const now = this.clock.now();
    const syncStartedAt = iso(now);
    const first = record.accountIds.length === 0;
    const perAccount: { accountId: string; changes: Changes }[] = [];
    if (first) {
      const plan = {
        kinds: outcome.accounts,
        transactionsPerAccount: this.config.transactionsPerAccount,
        multiplier: outcome.multiplier,
      };
      for (const account of createAccounts(this.config.seed, record.item.id, plan, now)) {
        const ledger = new AccountLedger(account);
        // A card's balance is what its bills say is owed now; later syncs move it with each new transaction.
        if (account.kind === 'card') account.balance = owedByBills(ledger);
        this.store.ledgers.set(account.id, ledger);
        record.accountIds.push(account.id);
        perAccount.push({ accountId: account.id, changes: { created: [], updated: [], deleted: [] } });
      }
      const transfer = this.config.ownTransfers
        ? addOwnTransfer(this.store, this.config.seed, record.item.id, now)
        : null;
      if (transfer) record.ownTransfers = [...(record.ownTransfers ?? []), transfer];
    } else if (record.advancePending || this.config.newDataOnSync) {
      record.generation++;
      for (const ledger of this.store.ledgersOf(record.item.id)) {
        perAccount.push({ accountId: ledger.record.id, changes: evolve(ledger, record.generation, now) });
      }
    }
    // The person's own moves (option ownTransfers): faturas paid from the checking account, listed there too.
    if (this.config.ownTransfers) mirrorBillPayments(this.store, record.item.id, now, first);
    record.advancePending = false;
    record.consecutiveErrors = 0;
    this.grantConsentIfDue(record, triggeredBy, now);
    record.lastExecutionEndedAt = syncStartedAt;
    const statusDetail = successStatusDetail(outcome, syncStartedAt);
    this.set(record, {
      status: 'UPDATED',
      executionStatus: outcome.partial ? 'PARTIAL_SUCCESS' : 'SUCCESS',
      error: null,
      parameter: null,
      statusDetail,
      lastUpdatedAt: syncStartedAt,
      nextAutoSyncAt: iso(now + 86_400_000),
      consecutiveFailedLoginAttempts: 0,
    });
    this.emitDataEvents(record, perAccount, syncStartedAt, first);
    this.itemEvent(record, first ? 'item/created' : 'item/updated', triggeredBy);
  }

  /**
   * An Open Finance item gets its consent at its first success, and a new one each time the person goes
   * through Connect again (update mode: triggered by the user); the item's `consentExpiresAt` follows it.
   */
  private grantConsentIfDue(record: ItemRecord, triggeredBy: TriggeredBy, now: number): void {
    if (findConnector(record.item.connectorId)?.isOpenFinance !== true) return;
    const consents = record.consents ?? [];
    if (consents.length === 0 || triggeredBy === 'USER') {
      consents.push(
        grantConsent({
          seed: this.config.seed,
          itemId: record.item.id,
          ordinal: consents.length,
          products: record.item.products ?? [],
          cpf: record.parameters.cpf,
          nowMs: now,
        }),
      );
    }
    record.consents = consents;
    record.item.consentExpiresAt = currentConsent(consents)?.expiresAt ?? null;
  }

  private emitDataEvents(
    record: ItemRecord,
    perAccount: { accountId: string; changes: Changes }[],
    createdAtFrom: string,
    first: boolean,
  ): void {
    const events = transactionEvents({
      itemId: record.item.id,
      clientId: this.config.clientId,
      baseUrl: this.config.baseUrl(),
      perAccount,
      createdAtFrom,
      first,
      ledgers: this.store.ledgers,
    });
    for (const event of events) this.hooks.emit(event, record.item.webhookUrl);
  }
}
