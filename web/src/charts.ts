import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

/**
 * Chart.js, loaded on demand by the indicators page only (its own chunk, not in the first bundle).
 * Registers just the bar chart parts it draws with.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1a1a1a';
Chart.defaults.animation = false;

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

/** Draws (or redraws) a bar chart into the canvas; returns a function that removes it. */
export function drawBars(
  canvas: HTMLCanvasElement,
  labels: string[],
  series: BarSeries[],
  options: { horizontal?: boolean } = {},
): () => void {
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })),
    },
    options: {
      indexAxis: options.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 }, beginAtZero: true } },
      plugins: { legend: { display: series.length > 1, position: 'bottom' } },
    },
  };
  const chart = new Chart(canvas, config);
  return () => chart.destroy();
}
