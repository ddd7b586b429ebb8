// Notice values as the user reads them: ISO days (YYYY-MM-DD) become dd/mm/aaaa in pt-BR, the rest as sent.
import { formatDate } from '../format';

export function localiseParams(params: Record<string, string>, language: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(`${value}T12:00:00Z`, language) : value;
  }
  return out;
}
