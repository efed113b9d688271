/** Hash routes, so a reload (or a restart of the app window) comes back to the same screen. */
import { useSyncExternalStore } from 'react';
import { parseRoute, routeHash, type Route } from './route-hash';

export { parseRoute, routeHash, type Route };

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
