import 'antd/dist/reset.css';
import './styles.css';
import 'dayjs/locale/zh-cn';
import { ConfigProvider, message, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { setMessageApi } from './feedback.ts';
import { AppRoutes } from './router.tsx';

dayjs.locale('zh-cn');

// A release replaced the hashed chunks this tab was started with (the old ones are gone: 404): load
// the new index.html, at most once a minute so a chunk that truly fails cannot loop.
window.addEventListener('vite:preloadError', (event) => {
  // Offline, the chunk is not gone, the network is: a reload would only show the browser's error page.
  if (!navigator.onLine) return;
  const last = Number(sessionStorage.getItem('lianxin.reloadedForChunks') ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem('lianxin.reloadedForChunks', String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

/**
 * The base text style of antd's `App` and its toasts, without `App` itself: that brings modal and
 * notification code to every page, the phone's first load included, and no page uses them from there.
 */
function Shell({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  const [toasts, holder] = message.useMessage();
  useEffect(() => {
    setMessageApi(toasts);
    return () => setMessageApi(null);
  }, [toasts]);
  const { colorText: color, fontSize, lineHeight, fontFamily } = token;
  return (
    <div style={{ color, fontSize, lineHeight, fontFamily }}>
      {holder}
      {children}
    </div>
  );
}

// A wide table scrolls sideways inside antd's own box, which a keyboard cannot reach unless it takes
// focus (axe: scrollable-region-focusable): every such box, whenever one appears, gets a tab stop.
function focusableScrollBoxes() {
  const mark = () => {
    for (const box of document.querySelectorAll<HTMLElement>('.ant-table-content:not([tabindex])'))
      box.tabIndex = 0;
  };
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
}
focusableScrollBoxes();

// Those who ask their system for less motion get no animations (and browser tests get popups that
// are clickable the moment they show).
const motion = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    {/* autoInsertSpace off: two-character buttons read "登录", not "登 录", for people and tests alike. */}
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{
        // WCAG AA text contrast (4.5:1) on white: antd's greys (#8c8c8c 3.4:1, #bfbfbf), link blue
        // (#1677ff 4.0:1) and error red (#ff4d4f 3.9:1) fail it; these darker shades pass
        token: {
          colorPrimary: '#c41d1d',
          colorTextSecondary: '#595959',
          colorTextDescription: '#595959',
          colorTextTertiary: '#595959',
          colorTextQuaternary: '#737373',
          colorTextPlaceholder: '#737373',
          colorLink: '#0958d9',
          colorInfo: '#0958d9',
          colorError: '#cf1322',
          colorWarning: '#ad6800',
          // warning text (还剩 N 天) is derived lighter than colorWarning; #874d00 is 6.8:1
          colorWarningText: '#874d00',
          colorSuccess: '#237804',
          motion,
        },
      }}
    >
      <Shell>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </Shell>
    </ConfigProvider>
  </StrictMode>,
);
