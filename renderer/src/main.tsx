// Must be the first import: it configures zod before any schema module is evaluated.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Next, before the app's modules are evaluated: an interview named in the address starts loading.
import './document/prefetch-start';
import { App } from './App';
import { initI18n } from './i18n';
import './styles.css';

await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
