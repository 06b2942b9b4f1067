// A bar or line chart drawn as SVG by Apache ECharts (window.echarts, from the echarts webjar served by this
// application: nothing is fetched from elsewhere).
// The server sets one property, `config` (JSON): {kind: "bar" | "line", categories: [...], values: [...], unit, color, label}.

class CabinetChart extends HTMLElement {
  set config(json) {
    this._config = typeof json === 'string' ? JSON.parse(json) : json;
    this._draw();
  }

  get config() {
    return this._config;
  }

  connectedCallback() {
    // the server may have set `config` before this element was defined: take it back through the setter
    if (Object.prototype.hasOwnProperty.call(this, 'config')) {
      const early = this.config;
      delete this.config;
      this.config = early;
    }
    this._resizing = new ResizeObserver(() => this._chart && this._chart.resize());
    this._resizing.observe(this);
    this._draw();
  }

  disconnectedCallback() {
    this._resizing && this._resizing.disconnect();
    this._chart && this._chart.dispose();
    this._chart = null;
  }

  _draw() {
    if (!this.isConnected || !this._config) {
      return;
    }
    const c = this._config;
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg' });
    }
    const horizontal = c.kind === 'bar';
    const categories = { type: 'category', data: c.categories, axisLabel: { width: horizontal ? 150 : 90, overflow: 'break', interval: 0 } };
    const values = { type: 'value', max: c.max === undefined ? null : c.max, axisLabel: { formatter: '{value}' + (c.unit || '') } };
    this._chart.setOption({
      aria: { enabled: true, label: { description: c.label } },
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : v + (c.unit || '')) },
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? { ...categories, inverse: true } : values,
      series: [{
        type: c.kind,
        data: c.values,
        name: c.label,
        itemStyle: { color: c.color },
        label: { show: true, position: horizontal ? 'right' : 'top', formatter: (p) => (p.value === null ? '' : p.value + (c.unit || '')) },
      }],
    }, true);
  }
}

if (!customElements.get('ecabinet-chart')) {
  customElements.define('ecabinet-chart', CabinetChart);
}
