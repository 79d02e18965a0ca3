import './card.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CardPage } from './CardPage.tsx';
import { OpenDayPage } from './OpenDayPage.tsx';

// The public pages' own entry (card.html): plain React and a little CSS, none of the admin app.
// The server serves it at /c/<token> (a card) and /o/<id> (an open day's sign-up).
const root = document.getElementById('card-root');
if (!root) throw new Error('#card-root missing from card.html');
const [, kind = '', rawKey = ''] = window.location.pathname.split('/');
const key = decodeURIComponent(rawKey);

createRoot(root).render(
  <StrictMode>{kind === 'o' ? <OpenDayPage id={key} /> : <CardPage token={key} />}</StrictMode>,
);
