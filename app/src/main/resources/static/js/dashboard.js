/* Draws the dashboard's charts with ECharts from the data-chart attribute the server wrote; the tables beneath
   hold the same figures for those who do not see the chart. */
(function () {
    'use strict';
    var ALERT = '#a4161a', BAR = '#0b5cad', SECOND = '#2e7d32';

    function percent(value, locale) {
        if (value === null || value === undefined) { return '—'; }
        return new Intl.NumberFormat(locale, {style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1})
            .format(value);
    }

    function axisPercent(locale) {
        return {type: 'value', min: 0, axisLabel: {formatter: function (v) { return percent(v, locale); }}};
    }

    var builders = {
        ratio: function (d) {
            return {
                animation: false,
                grid: {left: 56, right: 24, top: 36, bottom: 64},
                tooltip: {trigger: 'axis', valueFormatter: function (v) { return percent(v, d.locale); }},
                legend: {data: [d.seriesName, d.targetName], top: 0},
                xAxis: {type: 'category', data: d.units, axisLabel: {interval: 0, rotate: d.units.length > 5 ? 35 : 0}},
                yAxis: axisPercent(d.locale),
                series: [{
                    name: d.seriesName, type: 'bar',
                    data: d.values.map(function (v, i) {
                        return {value: v, itemStyle: {color: d.below[i] ? ALERT : BAR}};
                    }),
                    label: {show: true, position: 'top', formatter: function (p) { return percent(p.value, d.locale); }},
                    markLine: {
                        symbol: 'none', silent: true, lineStyle: {color: '#8a4b00', type: 'dashed', width: 2},
                        label: {formatter: d.targetName + ' ' + percent(d.target, d.locale), position: 'insideEndTop'},
                        data: [{yAxis: d.target}]
                    }
                }, {name: d.targetName, type: 'line', data: [], lineStyle: {color: '#8a4b00', type: 'dashed'},
                    itemStyle: {color: '#8a4b00'}}]
            };
        },
        rates: function (d) {
            return {
                animation: false,
                grid: {left: 56, right: 24, top: 36, bottom: 64},
                tooltip: {trigger: 'axis', valueFormatter: function (v) { return percent(v, d.locale); }},
                legend: {data: [d.smallName, d.bigName], top: 0},
                xAxis: {type: 'category', data: d.units, axisLabel: {interval: 0, rotate: d.units.length > 5 ? 35 : 0}},
                yAxis: Object.assign(axisPercent(d.locale), {max: 1}),
                series: [{name: d.smallName, type: 'bar', data: d.small, itemStyle: {color: BAR}},
                         {name: d.bigName, type: 'bar', data: d.big, itemStyle: {color: SECOND}}]
            };
        },
        monthly: function (d) {
            return {
                animation: false,
                grid: {left: 56, right: 24, top: 36, bottom: 48},
                tooltip: {trigger: 'axis', valueFormatter: function (v) { return percent(v, d.locale); }},
                legend: {data: [d.smallName, d.bigName], top: 0},
                xAxis: {type: 'category', data: d.units},
                yAxis: Object.assign(axisPercent(d.locale), {max: 1}),
                series: [{name: d.smallName, type: 'line', data: d.small, connectNulls: false, itemStyle: {color: BAR}},
                         {name: d.bigName, type: 'line', data: d.big, connectNulls: false, itemStyle: {color: SECOND}}]
            };
        },
        roster: function (d) {
            return {
                animation: false,
                grid: {left: 140, right: 32, top: 16, bottom: 24},
                tooltip: {trigger: 'axis'},
                xAxis: {type: 'value', minInterval: 1},
                yAxis: {type: 'category', data: d.units, inverse: true},
                series: [{name: d.seriesName, type: 'bar', data: d.values, itemStyle: {color: BAR},
                          label: {show: true, position: 'right'}}]
            };
        }
    };

    function draw() {
        if (!window.echarts) { return; }
        document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
            var data = JSON.parse(element.getAttribute('data-chart'));
            var build = builders[data.kind];
            if (!build) { return; }
            var chart = echarts.init(element, null, {renderer: 'svg'});
            chart.setOption(build(data));
            element.setAttribute('data-drawn', 'true');
            window.addEventListener('resize', function () { chart.resize(); });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
}());
