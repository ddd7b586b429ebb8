// SandboxOptions: what a caller (tests, CLI, demo mode) can tune, validated with zod, with defaults.
import { z } from 'zod';

export const FaultOptions = z
  .object({
    /** Fixed delay added to every faulted response, plus uniform jitter in [0, jitterMs]. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    jitterMs: z.number().int().min(0).max(60_000).default(0),
    /** Share of requests answered 500/502/503 instead of being handled. */
    error5xxRate: z.number().min(0).max(1).default(0),
    /** Share of requests whose connection is destroyed without an answer. */
    resetRate: z.number().min(0).max(1).default(0),
    /** Share of requests never answered (until the client gives up or the sandbox closes). */
    timeoutRate: z.number().min(0).max(1).default(0),
    /** After every `every` requests, the next `length` requests get 429 with the documented headers. */
    burst429: z.object({ every: z.number().int().min(1), length: z.number().int().min(1) }).optional(),
    /** Every Nth request carrying an apiKey revokes every apiKey issued so far (answered 401, as if expired). */
    forceApiKeyExpiryEvery: z.number().int().min(1).optional(),
    /** Route patterns the faults apply to, e.g. `GET /v2/transactions`; default all but /auth and /__sandbox. */
    routes: z.array(z.string()).optional(),
  })
  .strict();
export type FaultOptions = z.infer<typeof FaultOptions>;

export const WebhookRetryOptions = z
  .object({
    /** Attempts per round (Pluggy: 3 immediate tries). */
    attemptsPerRound: z.number().int().min(1).max(10).default(3),
    /** Delay before each later round (Pluggy: 1 h, then 2 h). */
    roundDelaysMs: z.array(z.number().int().min(0)).default([3_600_000, 7_200_000]),
    /** A receiver slower than this counts as failed. */
    timeoutMs: z.number().int().min(1).default(10_000),
  })
  .strict();
export type WebhookRetryOptions = z.infer<typeof WebhookRetryOptions>;

export const RATE_LIMITED_ROUTES = {
  'POST /auth': 360,
  'GET /accounts': 360,
  'GET /accounts/:id': 360,
  'GET /transactions': 360,
  'GET /transactions/:id': 360,
  'GET /v2/transactions': 360,
  'GET /investments': 360,
  'GET /investments/:id': 360,
  'GET /investments/:id/transactions': 360,
  'PATCH /items/:id': 20,
} as const;

export const SandboxOptions = z
  .object({
    port: z.number().int().min(0).max(65_535).default(0),
    seed: z.union([z.string(), z.number()]).default('cofre'),
    /** Enables the /__sandbox routes (truth, advance, stats, time). */
    admin: z.boolean().default(false),
    /** Total duration of one item execution (the real sandbox takes minutes). */
    executionMs: z.number().int().min(0).max(3_600_000).default(4_000),
    /** Send item/created the legacy way, without an eventId (pluggy-java's WebhookEventParseTest). */
    legacyItemCreated: z.boolean().default(false),
    /** Pluggy plans that limit client refreshes: a PATCH sooner than this after the last update gets 409. */
    minUpdateFrequencyHours: z.number().min(0).max(720).optional(),
    /** How long an MFA prompt waits before USER_INPUT_TIMEOUT. */
    mfaTimeoutMs: z.number().int().min(1).default(300_000),
    apiKeyTtlSeconds: z.number().int().min(1).default(7_200),
    connectTokenTtlSeconds: z.number().int().min(1).default(1_800),
    clientId: z.string().min(1).default('5f0d5a52-6d4c-4c3e-9f3a-8f1e7c2b9a10'),
    clientSecret: z.string().min(1).default('cofre-sandbox-secret'),
    /** Persist state under this directory (demo mode); in memory when absent. */
    dataDir: z.string().min(1).optional(),
    /** Serve the legacy GET /transactions page shape instead of 410 ENDPOINT_DEPRECATED. */
    legacyTransactions: z.boolean().default(false),
    /** Per-route per-minute limits, overriding Pluggy's (keys like `PATCH /items/:id`). */
    rateLimits: z.record(z.string(), z.number().int().min(1)).default({}),
    faults: FaultOptions.optional(),
    webhookRetry: WebhookRetryOptions.optional(),
    /** Transactions per checking and per card account of a `user-ok` item (savings get 1/25). */
    transactionsPerAccount: z.number().int().min(0).max(1_000_000).default(300),
    /** Page size of /v2/transactions (Pluggy: up to 500). */
    pageSize: z.number().int().min(1).max(500).default(500),
    /** Every successful re-sync brings some new data, not only after POST /__sandbox/advance. */
    newDataOnSync: z.boolean().default(false),
    /**
     * A second item's first sync brings a Pix from an earlier item's checking account to the new one, both
     * sides listed (data/own-transfers.ts): the person moving money between their own banks; and each item's
     * faturas are paid from its checking account, the payments listed there (data/bill-payments.ts). On in
     * demo mode.
     */
    ownTransfers: z.boolean().default(false),
    /** Refuse webhook URLs Pluggy refuses (http, localhost, IPs); off so loopback receivers work. */
    strictWebhookUrls: z.boolean().default(false),
    /** Largest request body accepted. */
    bodyLimitBytes: z.number().int().min(1024).default(1_048_576),
  })
  .strict();
export type SandboxOptionsInput = z.input<typeof SandboxOptions>;
export type ResolvedSandboxOptions = z.infer<typeof SandboxOptions>;

/** Env var read for extra fault options (JSON, same shape as `faults`). */
export const FAULTS_ENV = 'COFRE_SANDBOX_FAULTS';
