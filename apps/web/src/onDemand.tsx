import { type ComponentType, lazy, Suspense, useCallback, useState } from 'react';

/**
 * A component whose code loads the first time it is shown (a drawer opened from a list), so the
 * page around it does not carry it: its own Suspense shows nothing meanwhile, leaving the page as it is.
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function OnDemand(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

/**
 * Open or closed, for a drawer or modal loaded on demand: not mounted (so not fetched) until first
 * opened, then kept mounted so it closes with its own animation and keeps antd's open/close behaviour.
 */
export function useOpenOnce() {
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const show = useCallback(() => {
    setMounted(true);
    setOpen(true);
  }, []);
  const hide = useCallback(() => setOpen(false), []);
  return { open, mounted, show, hide };
}
