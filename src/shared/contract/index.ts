// The IPC contract: every call and push event between the renderer and the core, in one object.
import type { z } from 'zod';
import { appCalls, appEvents } from './calls/app';
import { billCalls } from './calls/bills';
import { connectionCalls, connectionEvents } from './calls/connections';
import { moneyCalls } from './calls/money';
import { recordCalls, recordEvents } from './calls/records';
import { relayCalls, relayEvents, settingsCalls } from './calls/settings';
import { securityCalls } from './calls/security';
import { investmentCalls } from './calls/investments';
import { backupCalls } from './calls/backup';
import { consentCalls } from './calls/consents';
import { editCalls } from './calls/edits';
import { ledgerCalls } from './calls/ledger';
import { transferCalls } from './calls/transfers';

export * from './define';
export * from './calls/app';
export * from './calls/bills';
export * from './calls/connections';
export * from './calls/money';
export * from './calls/records';
export * from './calls/settings';
export * from './calls/security';
export * from './calls/investments';
export * from './calls/backup';
export * from './calls/consents';
export * from './calls/bank-health';
export * from './calls/edits';
export * from './calls/ledger';
export * from './calls/transfers';
export type { CofreBridge } from './bridge-api';

export const calls = {
  ...appCalls,
  ...connectionCalls,
  ...moneyCalls,
  ...recordCalls,
  ...settingsCalls,
  ...relayCalls,
  ...securityCalls,
  ...backupCalls,
  ...consentCalls,
  ...editCalls,
  ...ledgerCalls,
  ...investmentCalls,
  ...billCalls,
  ...transferCalls,
};

export const events = {
  ...appEvents,
  ...connectionEvents,
  ...recordEvents,
  ...relayEvents,
};

export type Calls = typeof calls;
export type Channel = keyof Calls;
export type Events = typeof events;
export type EventName = keyof Events;

export type CallInput<C extends Channel> = z.input<Calls[C]['input']>;
export type CallOutput<C extends Channel> = z.output<Calls[C]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const CHANNELS = Object.keys(calls) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(calls, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
