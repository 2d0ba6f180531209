/*
 * Khám phá số liệu (Explore): the bar chart of the breakdown and the communes' map (commune-map.js), drawn from the
 * answer's <div id="explore-data" data-chart="…"> (not a script block: htmx drops
 * script elements it swaps in), at page load and after each htmx swap of the
 * answer. Picking a register indicator copies its expression into the text box. A click on a commune of the map asks
 * the same question by village for that commune. Kept out of the page for the strict Content-Security-Policy.
 */
(function () {
  'use strict';
  const lang = document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN';
  const fmt = v => (v == null || v !== v) ? '—'
      : Number(v).toLocaleString(lang, {minimumFractionDigits: 0, maximumFractionDigits: 2});

  function draw() {
    const dataEl = document.getElementById('explore-data');
    const root = document.getElementById('explore-result');
    if (!dataEl || !root || typeof echarts === 'undefined') {
      return;
    }
    const cfg = JSON.parse(dataEl.dataset.chart);
    const show = v => fmt(v) + (cfg.share ? '%' : '');
    const chartEl = document.getElementById('explore-chart');
    if (chartEl) {
      const old = echarts.getInstanceByDom(chartEl);
      if (old) {
        old.dispose();
      }
      const chart = echarts.init(chartEl);
      chart.setOption({
        animation: false, grid: {left: 180, right: 40, top: 10, bottom: 30},
        xAxis: {type: 'value', axisLabel: {formatter: v => fmt(v)}},
        yAxis: {type: 'category', inverse: true, data: cfg.labels, axisLabel: {width: 170, overflow: 'truncate'}},
        tooltip: {trigger: 'item', formatter: p => p.name + ': ' + show(p.value)},
        series: [{type: 'bar', name: cfg.valueLabel, data: cfg.values, itemStyle: {color: '#1d4e89'},
                  label: {show: cfg.values.length <= 40, position: 'right', formatter: p => show(p.value)}}]
      });
      chartEl.style.height = Math.max(160, Math.min(4000, 26 * cfg.labels.length + 50)) + 'px';
      chart.resize();
      window.addEventListener('resize', () => chart.resize());
      chartEl.dataset.ready = 'true';
    }
    const mapEl = document.getElementById('explore-map');
    if (mapEl && cfg.rows.length && window.HocTapMap) {
      HocTapMap.draw(mapEl, root.dataset.geo, cfg.rows, show, code => {
        const form = document.getElementById('explore-form');
        const unit = document.getElementById('unit');
        if (!form || !unit || !Array.from(unit.options).some(o => o.value === code)) {
          return;
        }
        unit.value = code;
        document.getElementById('breakdown').value = 'VILLAGE';
        form.requestSubmit();
      });
    }
  }

  function init() {
    const pick = document.getElementById('indicator');
    const text = document.getElementById('expression');
    if (pick && text) {
      pick.addEventListener('change', () => {
        const o = pick.options[pick.selectedIndex];
        if (o && o.dataset.expression) {
          text.value = o.dataset.expression;
        }
      });
      // writing one's own expression leaves the picked indicator
      text.addEventListener('input', () => {
        pick.value = '';
      });
    }
    draw();
    document.body.addEventListener('htmx:afterSwap', e => {
      if (e.detail && e.detail.target && e.detail.target.id === 'explore-result') {
        draw();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
