/** Hash routes, so a reload (or a restart of the app window) comes back to the same screen. */
import { useSyncExternalStore } from 'react';

export type Route = { screen: 'library' } | { screen: 'document'; id: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/doc\/([A-Za-z0-9_-]{1,64})$/.exec(hash);
  return m ? { screen: 'document', id: m[1]! } : { screen: 'library' };
}

export function routeHash(route: Route): string {
  return route.screen === 'document' ? `#/doc/${route.id}` : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
