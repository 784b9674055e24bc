import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type Plugin
} from 'chart.js';

/** Only the parts the statistics draw (bars and lines), so the bundle carries no more of Chart.js. */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A white background, so a downloaded PNG reads on any page (the canvas is transparent otherwise). */
export const whiteBackground: Plugin = {
	id: 'whiteBackground',
	beforeDraw: (chart) => {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.globalCompositeOperation = 'destination-over';
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};

export { Chart };
