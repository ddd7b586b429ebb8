// Notice values as the user reads them: ISO days become dd/mm/aaaa in pt-BR, instants a date and time, the rest as sent.
import { formatDate, formatDateTime } from '../format';

/** A full instant such as 2026-12-04T15:30:00.000Z (a time Pluggy allows the next try): date and time. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function localiseParams(params: Record<string, string>, language: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? formatDate(`${value}T12:00:00Z`, language)
      : ISO_INSTANT.test(value)
        ? formatDateTime(value, language)
        : value;
  }
  return out;
}
