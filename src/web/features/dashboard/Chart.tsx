import type { ChartClick, ChartOption } from "./echarts";
import { useECharts } from "./use-echarts";

/** One chart: a labelled image for assistive technology; the page lists the same figures as links. */
export function Chart({
  option,
  onClick,
  label,
  height = 280,
  testId,
}: {
  option: ChartOption;
  onClick?(click: ChartClick): void;
  label: string;
  height?: number;
  testId?: string;
}) {
  const ref = useECharts(option, onClick);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      className="hd-chart"
      style={{ height }}
      data-testid={testId}
    />
  );
}
