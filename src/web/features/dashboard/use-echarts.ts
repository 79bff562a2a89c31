import { useEffect, useRef } from "react";
import { useReducedMotion } from "../../components/use-reduced-motion";
import { type ChartClick, type ChartOption, echarts } from "./echarts";

const dataIdOf = (data: unknown): string | undefined =>
  typeof data === "object" && data !== null && "id" in data && typeof data.id === "string"
    ? data.id
    : undefined;

/**
 * Renders an ECharts option into the returned div ref: initialises once, updates on option change,
 * follows the container's size, forwards clicks on chart elements, disposes on unmount. Draws without
 * animation when the user asked the system for less motion.
 */
export function useECharts(option: ChartOption, onClick?: (click: ChartClick) => void) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const reducedMotion = useReducedMotion();

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    chart.on("click", (params) => {
      clickRef.current?.({
        seriesId: params.seriesId ?? undefined,
        seriesName: params.seriesName ?? undefined,
        name: params.name,
        dataIndex: params.dataIndex,
        dataId: dataIdOf(params.data),
      });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(reducedMotion ? { ...option, animation: false } : option, { notMerge: true });
  }, [option, reducedMotion]);

  return ref;
}
