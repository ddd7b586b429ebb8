// Seeded randomness: string hashing, a small fast PRNG, and picks — same seed, same data.
export type Rng = () => number;

/** 32-bit FNV-1a of the parts joined, mixed further so nearby inputs spread. */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for fake data. */
export function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(...parts: (string | number)[]): Rng {
  return rngFrom(hash32(...parts));
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  const value = list[Math.floor(rng() * list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Money with two decimals, between min and max. */
export function money(rng: Rng, min: number, max: number): number {
  return Math.round((min + rng() * (max - min)) * 100) / 100;
}

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(8, '0').slice(-width);
}

/** A v4-shaped UUID derived from the parts (deterministic). */
export function uuidFrom(...parts: (string | number)[]): string {
  const r = rngFor(...parts);
  const w = () => Math.floor(r() * 0x100000000);
  const a = hex(w(), 8);
  const b = hex(w(), 4);
  const c = `4${hex(w(), 3)}`;
  const d = `${(8 + Math.floor(r() * 4)).toString(16)}${hex(w(), 3)}`;
  const e = `${hex(w(), 4)}${hex(w(), 8)}`;
  return `${a}-${b}-${c}-${d}-${e}`;
}
