/**
 * Run by the entry script (main.tsx) before the app's own modules are even fetched: fetching and
 * evaluating those (React, Slate, every screen) takes ~200 ms at start-up, and the interview named
 * in the address can be on its way meanwhile (document/prefetch.ts). Only small modules are
 * imported here (no React, no schemas), so the entry stays small.
 */
import { parseRoute } from '../route-hash';
import { prefetchDocument } from './prefetch';

const route = parseRoute(window.location.hash);
if (route.screen === 'document') prefetchDocument(route.id);
