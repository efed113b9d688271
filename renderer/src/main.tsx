/**
 * The entry script, kept small: the interview named in the address is requested first
 * (document/prefetch-start.ts), then the app's modules (React, Slate, every screen: nearly all of
 * the bundle) are fetched and evaluated while the interview is on its way (start-app.tsx).
 */
import './document/prefetch-start';

await import('./start-app');
