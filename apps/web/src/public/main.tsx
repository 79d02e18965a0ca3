import './card.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CardPage } from './CardPage.tsx';

// The public pages' own entry (card.html): plain React and a little CSS, none of the admin app.
const root = document.getElementById('card-root');
if (!root) throw new Error('#card-root missing from card.html');
const token = decodeURIComponent(window.location.pathname.split('/c/')[1] ?? '').replace(/\/.*/, '');

createRoot(root).render(
  <StrictMode>
    <CardPage token={token} />
  </StrictMode>,
);
