// A Chart.js canvas owned by Preact: created on mount, rebuilt when its config changes, destroyed on
// unmount. The chart is an image for screen readers; the figures are also in a table beside it.
import { useEffect, useRef } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from '../charts/register.ts';

export function ChartCanvas({ config, label, height = 240 }: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current === null) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="chart" data-height={height}>
      <canvas ref={canvas} role="img" aria-label={label} height={height} />
    </div>
  );
}
