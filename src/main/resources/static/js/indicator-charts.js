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
  if (mapEl && rows.length && window.HocTapMap) {
    // the shared map (commune-map.js); a click on a commune opens the commune's dashboard
    HocTapMap.draw(mapEl, cfg.geo, rows.map(r => ({code: r.code, name: r.name, value: r.value ? r.value.value : null})), pct,
        code => {
          const sep = cfg.unitLink.indexOf('?') < 0 ? '?' : '&';
          window.location.href = cfg.unitLink + sep + 'unit=' + encodeURIComponent(code);
        });
  }
}());
