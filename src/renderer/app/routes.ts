// The screens the app has, and the hash route of each (hash routing works from file:// in Electron too).
import { useEffect, useState } from 'react';

export const ROUTES = [
  'connections',
  'accounts',
  'investments',
  'cards',
  'transactions',
  'audit',
  'review',
  'settings',
  'diagnostics',
] as const;
export type Route = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: Route = 'connections';

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : DEFAULT_ROUTE;
}

export function navigate(route: Route): void {
  window.location.hash = `#/${route}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(routeFromHash(window.location.hash));
      // A screen opens at its top, not at the scroll position the previous one was left at.
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
