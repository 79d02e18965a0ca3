import { type ReactNode, useEffect, useState } from 'react';
import { say } from './publicApi.ts';

/**
 * A public page's one read: its document title set, a line while it loads, the server's words when
 * the page is gone (switched off, closed, unknown), then the page itself.
 */
export function PublicLoad<T>({
  load,
  title,
  children,
}: {
  load: () => Promise<T>;
  title?: string;
  children: (data: T) => ReactNode;
}) {
  const [data, setData] = useState<T | null>(null);
  const [gone, setGone] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per page; the caller's key remounts it
  useEffect(() => {
    if (title) document.title = title;
    load().then(setData, (e: unknown) => setGone(say(e)));
  }, []);
  if (gone)
    return (
      <main className="pc">
        <p className="pc-gone">{gone}</p>
      </main>
    );
  if (data === null)
    return (
      <main className="pc">
        <p className="pc-muted">加载中…</p>
      </main>
    );
  return children(data);
}
