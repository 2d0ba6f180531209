/*
 * The communes' choropleth map, shared by the dashboard's indicator page and Khám phá số liệu (Explore): the local
 * GeoJSON of the 126 communes (no internet tiles), ECharts, values by commune code. Kept out of the pages for the
 * strict Content-Security-Policy; tooltips are plain text.
 *
 *   HocTapMap.draw(element, geoUrl, [{code, name, value}], format, onClick) → a Promise of the chart
 *
 * Only finite numbers are drawn (a value may arrive as null, "NaN" or "Infinity" when a denominator is 0). When the
 * map is drawn, element.dataset.ready is 'true'.
 */
(function () {
  'use strict';
  let geo = null;
  function load(url) {
    if (!geo) {
      geo = fetch(url).then(r => r.json()).then(g => {
        echarts.registerMap('hanoi', g);
        return g;
      });
    }
    return geo;
  }
  window.HocTapMap = {
    draw: function (el, geoUrl, rows, format, onClick) {
      return load(geoUrl).then(() => {
        const old = echarts.getInstanceByDom(el);
        if (old) {
          old.dispose();
        }
        const m = echarts.init(el);
        const data = rows.filter(r => r.value != null && Number.isFinite(Number(r.value)))
            .map(r => ({name: r.code, value: Math.round(Number(r.value) * 100) / 100, label: r.name}));
        const vals = data.map(x => x.value);
        const lo = vals.length ? Math.min(...vals) : 0;
        const hi = vals.length ? Math.max(...vals) : 100;
        m.setOption({
          animation: false,
          tooltip: {trigger: 'item', formatter: p => (p.data ? p.data.label + ': ' + format(p.data.value) : p.name)},
          visualMap: {min: lo, max: hi > lo ? hi : lo + 1, calculable: true, left: 10, bottom: 10,
                      formatter: v => format(v), inRange: {color: ['#fde0dd', '#c51b8a', '#49006a']}},
          series: [{type: 'map', map: 'hanoi', nameProperty: 'code', roam: true, data: data,
                    itemStyle: {borderColor: '#fff', borderWidth: 0.5}, emphasis: {label: {show: false}}}]
        });
        if (onClick) {
          m.on('click', p => {
            if (p && p.name) {
              onClick(p.name);
            }
          });
        }
        window.addEventListener('resize', () => m.resize());
        el.dataset.ready = 'true';
        return m;
      });
    }
  };
}());
