// ECharts imported piece by piece (core + bar chart + the components used) to keep the
// dashboard chunk small; every chart of the dashboard registers through here.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export { default as ReactEChartsCore } from 'echarts-for-react/esm/core';
