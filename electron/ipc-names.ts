// The IPC channel names shared by main and preload, derived from the contract's call names.
export const INVOKE_PREFIX = 'cofre:invoke:';
export const EVENT_CHANNEL = 'cofre:event';

export function invokeChannel(channel: string): string {
  return `${INVOKE_PREFIX}${channel}`;
}
