// Must stay the first import: zod reads its jitless setting when each schema is built.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { captureLaunchToken } from './transport/client';

// Before anything reads the address bar: the launch URL's #token=… leaves it at once.
captureLaunchToken();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html lost its #root element');

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
