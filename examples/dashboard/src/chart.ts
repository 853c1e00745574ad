import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One stretch of a call, as `PeerReport.qualityTimeline` gives it. */
export interface TimelinePoint {
  readonly from: string;
  readonly audioMos?: number | null;
  readonly packetLoss?: number | null;
}

export const MOS_COLOR = '#2563eb';
export const LOSS_COLOR = '#dc2626';
/** ITU-T G.107's bands, as the gateway's verdicts use them: below 3.1 POOR, from 4.0 GOOD. */
const MOS_BANDS = [3.1, 4.0];
const HEIGHT = 170;
const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface TimelineChart {
  /** Buckets with an audio MOS: the points the MOS line is drawn through. */
  readonly mosPoints: number;
  destroy(): void;
}

/**
 * Audio MOS (left axis, 1 to 5) and packet loss (right axis, percent) over the call, one point
 * per bucket; a bucket without samples is a gap. Drawn into `container`, which must be in the
 * document already: its width sizes the chart, and the chart follows it when it changes.
 */
export function timelineChart(
  container: HTMLElement,
  points: readonly TimelinePoint[],
): TimelineChart {
  const data: uPlot.AlignedData = [
    points.map((point) => Date.parse(point.from) / 1000),
    points.map((point) => point.audioMos ?? null),
    points.map((point) => point.packetLoss ?? null),
  ];
  const options: uPlot.Options = {
    width: Math.max(200, container.clientWidth),
    height: HEIGHT,
    // The page's own legend, above the charts, says what the lines are.
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      mos: { range: [1, 5] },
      loss: { range: (_chart, _min, max) => [0, Math.max(2, Math.ceil(max * 1.2))] },
    },
    series: [
      {},
      {
        label: 'Audio MOS',
        scale: 'mos',
        stroke: MOS_COLOR,
        width: 2,
      },
      {
        label: 'Packet loss %',
        scale: 'loss',
        stroke: LOSS_COLOR,
        fill: 'rgba(220, 38, 38, 0.08)',
        width: 1.5,
      },
    ],
    axes: [
      {
        stroke: '#64748b',
        grid: { stroke: '#eef2f7' },
        ticks: { show: false },
        size: 30,
        space: 60,
        // Hours and minutes in the viewer's time zone; the call's date is in the page's header.
        values: (_chart, splits) => splits.map((seconds) => clock.format(new Date(seconds * 1000))),
      },
      {
        scale: 'mos',
        stroke: MOS_COLOR,
        size: 36,
        grid: { stroke: '#eef2f7' },
        ticks: { show: false },
      },
      {
        scale: 'loss',
        // uPlot.Axis.Side.Right, an ambient const enum, which isolatedModules code cannot name.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
        side: 1,
        stroke: LOSS_COLOR,
        size: 36,
        grid: { show: false },
        ticks: { show: false },
      },
    ],
    hooks: {
      // Dashed lines at the verdict bands' edges.
      drawAxes: [
        (chart) => {
          const { ctx, bbox } = chart;
          ctx.save();
          ctx.strokeStyle = '#94a3b8';
          ctx.setLineDash([4, 4]);
          ctx.lineWidth = 1;
          for (const band of MOS_BANDS) {
            const y = Math.round(chart.valToPos(band, 'mos', true)) + 0.5;
            ctx.beginPath();
            ctx.moveTo(bbox.left, y);
            ctx.lineTo(bbox.left + bbox.width, y);
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
    },
  };
  const chart = new uPlot(options, data, container);
  const resize = new ResizeObserver(() => {
    const width = Math.max(200, container.clientWidth);
    if (width !== chart.width) chart.setSize({ width, height: HEIGHT });
  });
  resize.observe(container);
  return {
    mosPoints: points.filter((point) => typeof point.audioMos === 'number').length,
    destroy() {
      resize.disconnect();
      chart.destroy();
    },
  };
}
