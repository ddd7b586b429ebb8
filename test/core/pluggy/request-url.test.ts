import { describe, expect, it } from 'vitest';
import {
  describeUrl,
  endpointUrl,
  normalizeBaseUrl,
  resolveNext,
  toSearchParams,
} from '../../../src/core/pluggy/request-url';

describe('request URLs', () => {
  it('keep the baseUrl path prefix and encode path segments', () => {
    const base = normalizeBaseUrl('http://127.0.0.1:8080/proxy/pluggy');
    expect(endpointUrl(base, ['items', 'a/b?c']).href).toBe(
      'http://127.0.0.1:8080/proxy/pluggy/items/a%2Fb%3Fc',
    );
    expect(endpointUrl(normalizeBaseUrl('https://api.pluggy.ai'), ['auth']).href).toBe(
      'https://api.pluggy.ai/auth',
    );
    expect(() => normalizeBaseUrl('not a url')).toThrow(/not a URL/);
    expect(() => normalizeBaseUrl('ftp://x')).toThrow(/http/);
  });

  it('percent-encode query values and join lists with commas', () => {
    const q = toSearchParams({
      name: 'Itaú & Cia + 1',
      ids: ['a&b=1', 'c+d'],
      sandbox: true,
      skip: undefined,
      n: null,
    });
    const url = endpointUrl(normalizeBaseUrl('https://api.pluggy.ai'), ['connectors'], q);
    expect(url.search).toBe('?name=Ita%C3%BA+%26+Cia+%2B+1&ids=a%26b%3D1%2Cc%2Bd&sandbox=true');
    expect(new URL(url).searchParams.get('ids')!.split(',')).toEqual(['a&b=1', 'c+d']);
    expect(() => toSearchParams({ ids: ['a,b'] })).toThrow(/comma/);
  });

  it('follow next links as given, never to a foreign host', () => {
    const base = normalizeBaseUrl('http://127.0.0.1:9/p');
    const same = 'http://127.0.0.1:9/p/v2/transactions?accountId=x&after=QUJD%3D';
    expect(resolveNext(base, same)).toEqual({ url: new URL(same), rerooted: false });
    expect(resolveNext(base, '?accountId=x&after=A%2BB').url.href).toBe(
      'http://127.0.0.1:9/p/v2/transactions?accountId=x&after=A%2BB',
    );
    expect(resolveNext(base, 'accountId=x&after=A').url.href).toBe(
      'http://127.0.0.1:9/p/v2/transactions?accountId=x&after=A',
    );
    expect(resolveNext(base, '/v2/transactions?after=A').url.href).toBe(
      'http://127.0.0.1:9/p/v2/transactions?after=A',
    );
    const foreign = resolveNext(base, 'https://api.pluggy.ai/v2/transactions?accountId=x&after=Z');
    expect(foreign).toEqual({
      url: new URL('http://127.0.0.1:9/p/v2/transactions?accountId=x&after=Z'),
      rerooted: true,
    });
  });

  it('describe URLs without secret-looking query values', () => {
    expect(describeUrl(new URL('http://h/items?apiKey=abc&itemId=1'))).toBe(
      '/items?apiKey=%5Bredacted%5D&itemId=1',
    );
  });
});
