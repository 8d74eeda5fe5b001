// Chart.js with only the parts the dashboard draws (bars and a line), so the bundle stays small.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
// Print and screenshots must show the final picture, not a frame of an animation.
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
Chart.defaults.color = '#1f2933';

export { Chart };
