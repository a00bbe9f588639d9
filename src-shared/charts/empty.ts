// The figure a chart module returns when its input has nothing to draw: no axes, one centred
// message. One definition, so every "no data" chart looks and reads the same in the app, the HTML
// report and exported images.
import type { Figure, PlotData } from './plotly-types';

export function noDataFigure<T extends PlotData>(text: string): Figure<T> {
  return {
    data: [],
    layout: {
      xaxis: { visible: false },
      yaxis: { visible: false },
      height: 240,
      annotations: [{ text, xref: 'paper', yref: 'paper', x: 0.5, y: 0.5, showarrow: false, font: { size: 16 } }],
    },
  };
}
