/*
 * The indicator page's charts (time series and the communes' map), kept out of the page so that the strict
 * Content-Security-Policy (no inline script, no inline style) holds. The data come from the page's
 * <script type="application/json" id="chart-data"> block. Numbers are written the Vietnamese way
 * (decimal comma) in labels and tooltips; tooltips are plain text (no HTML with inline styles).
 */
(function () {
  'use strict';
  const dataEl = document.getElementById('chart-data');
  if (!dataEl || typeof echarts === 'undefined') {
    return;
  }
  const cfg = JSON.parse(dataEl.textContent);
  const lang = document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN';
  const fmt = v => (v == null || v !== v) ? '—'
      : Number(v).toLocaleString(lang, {minimumFractionDigits: 0, maximumFractionDigits: 2});
  const pct = v => fmt(v) + (cfg.status ? '' : '%');
  const target = cfg.target;
  const series = cfg.series || [];

  const seriesEl = document.getElementById('series-chart');
  if (seriesEl) {
    const chart = echarts.init(seriesEl);
    chart.setOption({
      animation: false, grid: {left: 56, right: 70, top: 24, bottom: 30},
      xAxis: {type: 'category', data: series.map(p => String(p.year))},
      yAxis: {
        type: 'value',
        min: v => Math.max(0, Math.floor(Math.min(v.min, target == null ? v.min : target) - 1)),
        // a rate never goes above 100 %
        max: v => Math.min(cfg.status ? Infinity : 100, Math.ceil(Math.max(v.max, target == null ? v.max : target) + 1)),
        axisLabel: {formatter: v => fmt(v)}
      },
      tooltip: {trigger: 'axis', formatter: ps => ps.map(p => p.name + ': ' + pct(p.value)).join('\n')},
      series: [{
        type: 'line', data: series.map(p => Math.round(p.value * 100) / 100),
        label: {show: true, formatter: p => fmt(p.value)},
        markLine: target == null ? undefined : {
          symbol: 'none', data: [{yAxis: target}], lineStyle: {color: '#a4161a', type: 'dashed'},
          label: {position: 'insideEndTop', formatter: () => cfg.targetLabel + ' ' + pct(target)}
        }
      }]
    });
    window.addEventListener('resize', () => chart.resize());
  }

  const rows = cfg.rows || [];
  const mapEl = document.getElementById('map');
  if (mapEl && rows.length) {
    fetch(cfg.geo).then(r => r.json()).then(geo => {
      echarts.registerMap('hanoi', geo);
      const m = echarts.init(mapEl);
      // only finite numbers are drawn (a value may arrive as "NaN" or "Infinity" text when a denominator is 0)
      const data = rows.filter(r => r.value && Number.isFinite(Number(r.value.value)))
          .map(r => ({name: r.code, value: Math.round(Number(r.value.value) * 100) / 100, label: r.name}));
      const vals = data.map(x => x.value);
      const lo = vals.length ? Math.min(...vals) : 0;
      const hi = vals.length ? Math.max(...vals) : 100;
      m.setOption({
        animation: false,
        tooltip: {trigger: 'item', formatter: p => (p.data ? p.data.label + ': ' + pct(p.data.value) : p.name)},
        visualMap: {min: lo, max: hi > lo ? hi : lo + 1, calculable: true, left: 10, bottom: 10,
                    formatter: v => fmt(v), inRange: {color: ['#fde0dd', '#c51b8a', '#49006a']}},
        series: [{type: 'map', map: 'hanoi', nameProperty: 'code', roam: true, data: data,
                  itemStyle: {borderColor: '#fff', borderWidth: 0.5}, emphasis: {label: {show: false}}}]
      });
      // a click on a commune opens the commune's dashboard
      m.on('click', p => {
        if (p && p.name) {
          const sep = cfg.unitLink.indexOf('?') < 0 ? '?' : '&';
          window.location.href = cfg.unitLink + sep + 'unit=' + encodeURIComponent(p.name);
        }
      });
      mapEl.dataset.ready = 'true';
    });
  }
}());
