/**
 * The hash routes as data, without React: the entry script reads the address with it before the
 * app's modules are loaded (document/prefetch-start.ts). route.ts adds the hooks.
 */
export type Route = { screen: 'library' } | { screen: 'document'; id: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/doc\/([A-Za-z0-9_-]{1,64})$/.exec(hash);
  return m ? { screen: 'document', id: m[1]! } : { screen: 'library' };
}

export function routeHash(route: Route): string {
  return route.screen === 'document' ? `#/doc/${route.id}` : '#/';
}
