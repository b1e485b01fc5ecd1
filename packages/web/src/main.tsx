import './app/mantine.css';
import './app/app.css';
import { languageReady } from './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

// Loaded by boot.ts, which starts the session check first.
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// English is fetched on its own when it was chosen earlier (boot.ts has started it).
await languageReady;
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
