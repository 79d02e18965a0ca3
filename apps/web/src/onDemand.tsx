import { type ComponentType, lazy, Suspense } from 'react';

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
