/**
 * ECharts, tree-shaken: only the charts and components the dashboards use, drawn on canvas: the SVG renderer
 * writes `style` attributes, which the strict Content-Security-Policy refuses.
 */
import { BarChart, type BarSeriesOption, PieChart, type PieSeriesOption } from "echarts/charts";
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

/** What a click on a chart element tells the page: the series and the category it belongs to. */
export interface ChartClick {
  seriesId: string | undefined;
  seriesName: string | undefined;
  name: string;
  dataIndex: number;
  /** The `id` of the clicked data item, when the option gave one. */
  dataId: string | undefined;
}

export { echarts };
