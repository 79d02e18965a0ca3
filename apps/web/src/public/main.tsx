import './card.css';
import { type ReactElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CardPage } from './CardPage.tsx';
import { OpenDayPage } from './OpenDayPage.tsx';
import { ShowcasePage } from './ShowcasePage.tsx';

// The public pages' own entry (card.html): plain React and a little CSS, none of the admin app.
// The server serves it at /c/<token> (a card), /o/<id> (an open day's sign-up) and /s/<org> (典型案例).
const root = document.getElementById('card-root');
if (!root) throw new Error('#card-root missing from card.html');
const [, kind = '', rawKey = ''] = window.location.pathname.split('/');
const key = decodeURIComponent(rawKey);

const pages: Record<string, () => ReactElement> = {
  o: () => <OpenDayPage id={key} />,
  s: () => <ShowcasePage id={key} />,
};

createRoot(root).render(<StrictMode>{(pages[kind] ?? (() => <CardPage token={key} />))()}</StrictMode>);
