import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChartCanvas.tsx';

export type { EChartClick, EChartOption } from './EChartCanvas.tsx';

// ECharts loads with the first chart shown, in a chunk of its own: the rest of the app never waits for it.
const EChartCanvas = lazy(() => import('./EChartCanvas.tsx'));

export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height }} />}>
      <EChartCanvas {...props} />
    </Suspense>
  );
}
