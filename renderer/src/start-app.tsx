/**
 * The app itself, loaded by the entry script (main.tsx) once the interview named in the address
 * has been requested.
 */
// Must be the first import: it configures zod before any schema module is evaluated.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { desktop } from './desktop/bridge';
import { reportUiLanguage } from './desktop/ui-language-report';
import { initI18n } from './i18n';
import { uiLanguageSetting } from './i18n/ui-language';
import './styles.css';

await initI18n();
// The desktop menus follow the app's language (a no-op in browser mode).
reportUiLanguage(uiLanguageSetting, desktop);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
