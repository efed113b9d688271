/**
 * Imported by main.tsx before the app's own modules: evaluating those (React, Slate, every
 * screen) takes ~200 ms at start-up, and the interview named in the address can be on its way
 * meanwhile (document/prefetch.ts).
 */
import { parseRoute } from '../route';
import { prefetchDocument } from './prefetch';

const route = parseRoute(window.location.hash);
if (route.screen === 'document') prefetchDocument(route.id);
