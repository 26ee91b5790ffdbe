/** The app's entry: define `<buy-tweet>` first, then render (README, Frameworks). */
import 'buy-tweet';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
