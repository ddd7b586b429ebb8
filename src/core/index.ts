// The core's public surface for composition roots (Electron main, browser host, CLI).
export { createCore, type Core, type CoreDeps } from './create-core';
export { createStartupGate, type StartupGate } from './app/startup-gate';
export { createLogger, silentLogger, type Logger } from './logging/logger';
export { defaultDataDir, dataPaths, ensureDataDir, type DataPaths } from './paths/data-dir';
export type { EventBus } from './events/event-bus';
export type { Clock } from './clock';
export { APP_VERSION } from './version';
export { recordWrongKeyAttempt } from './security-review/wrong-key-log';
