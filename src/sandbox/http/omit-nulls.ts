// Answers as the spec types them: a field the sandbox has no value for is left out, never sent as null.
//
// The spec (OpenAPI 3.1, JSON Schema 2020-12) types optional fields as objects or strings, so `null` is off
// it; only `next` of a transactions page is null by the spec. Records keep their nulls internally; this is
// the wire form of every Pluggy route's answer (not of /__sandbox's).
const KEEP_NULL = new Set(['next']);

export function omitNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null && !KEEP_NULL.has(key)) continue;
    out[key] = omitNulls(field);
  }
  return out;
}
