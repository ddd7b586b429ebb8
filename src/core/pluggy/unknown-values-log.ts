// Logs each enumeration value Pluggy sent that Cofre does not know, once per process, with the value.
import type { UnknownValue } from '../../shared/pluggy';
import type { Logger } from '../logging/logger';

// Bounded, so a payload full of ever-new values cannot grow it without end.
const MAX_REMEMBERED = 500;
const seen = new Set<string>();

export function logUnknownValues(logger: Logger, found: readonly UnknownValue[]): void {
  for (const { field, value } of found) {
    const key = `${field}\u0000${value}`;
    if (seen.has(key) || seen.size >= MAX_REMEMBERED) continue;
    seen.add(key);
    logger.warn(
      { field, value: value.slice(0, 100) },
      'Pluggy sent a value Cofre does not know yet; it is read as unknown',
    );
  }
}
