// A parameter of the hash route's query (`#/audit?review=2026-12-04`), kept current as the hash changes.
import { useEffect, useState } from 'react';

export function hashParam(hash: string, name: string): string | null {
  const query = hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get(name);
}

export function useHashParam(name: string): string | null {
  const [value, setValue] = useState(() => hashParam(window.location.hash, name));
  useEffect(() => {
    const onChange = () => setValue(hashParam(window.location.hash, name));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [name]);
  return value;
}
