import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the charts the dashboards draw, so the bundle carries no more of ECharts than that.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = echarts.EChartsCoreOption;
export interface EChartClick {
  dataIndex: number;
  seriesIndex?: number;
}

export interface EChartProps {
  option: EChartOption;
  height: number;
  /** what the chart shows, for screen readers (the same figures are in the table beside it) */
  label: string;
  onClick?: (e: EChartClick) => void;
}

/** An ECharts canvas that follows its container's width; animation off under automation. */
export default function EChartCanvas({ option, height, label, onClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current);
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // screenshots and browser tests want the final picture at once
    chart.current?.setOption({ animation: !navigator.webdriver, ...option }, true);
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const handler = (e: unknown) => onClick(e as EChartClick);
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [onClick]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
