// One ECharts chart, only the parts of the library the dashboard draws (the reports chunk stays small).
// SVG: sharp at any zoom and in a PDF. Sized by its box, so it follows the window; disposed on unmount.
import { useEffect, useRef } from 'react'
import { BarChart, GaugeChart, LineChart, PieChart, type BarSeriesOption, type GaugeSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components'
import { init, use, type ComposeOption, type ECharts } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([BarChart, LineChart, PieChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GaugeSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

export function Chart({ option, height, testId }: { option: ChartOption; height: number; testId: string }): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)

  useEffect(() => {
    const el = box.current!
    const c = init(el, null, { renderer: 'svg' })
    chart.current = c
    const observer = new ResizeObserver(() => c.resize())
    observer.observe(el)
    return () => {
      observer.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    // the app's font stack (styles.css), so the Chinese labels draw in the same face as the page
    const fontFamily = getComputedStyle(box.current!).fontFamily
    chart.current?.setOption({ textStyle: { fontFamily }, animationDuration: 400, ...option }, true)
  }, [option])

  // the figures are in the card's table: the drawing itself is not read out
  return <div ref={box} className="rp-chart" style={{ height }} aria-hidden="true" data-testid={testId} />
}
