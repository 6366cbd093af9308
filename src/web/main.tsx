import '@fontsource/heebo/400.css';
import '@fontsource/heebo/500.css';
import '@fontsource/heebo/700.css';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startEarly } from './app/router';
import { initI18n } from './lib/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
// Language (and so <html lang dir>) is settled before the first render: no flash of LTR, and no keys
// while a non-Hebrew catalog is still on its way.
void initI18n().then(() => {
  // After the language is known: the early requests carry it (Accept-Language).
  startEarly();
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
