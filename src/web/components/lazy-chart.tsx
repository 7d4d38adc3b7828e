import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A chart component fetched when it is first drawn: echarts (and only the chart types and components that file
 * registers) stays out of every page until a chart is on screen. Usage:
 * `const StatusChart = lazyChart(() => import('./status-chart').then((m) => m.StatusChart));`
 */
export function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Chart = lazy(() => load().then((component) => ({ default: component })));
  return function LazyChart(props: P) {
    return (
      <Suspense fallback={<div className="chart-placeholder" aria-busy="true" />}>
        <Chart {...props} />
      </Suspense>
    );
  };
}
