// genesys-bridge console: live refresh without reloading, and small form helpers.
// No framework, no inline script (the CSP forbids it); values are set with textContent only.
(function () {
  'use strict';

  function get(data, path) {
    return path.split('.').reduce(function (value, key) {
      return (value === undefined || value === null) ? undefined : value[key];
    }, data);
  }

  function format(value) {
    if (value === null || value === undefined || value === '') { return '–'; }
    if (Array.isArray(value)) { return value.length ? value.join(', ') : '–'; }
    if (typeof value === 'object') {
      var parts = Object.keys(value).map(function (key) { return key + ': ' + Math.round(value[key]); });
      return parts.length ? parts.join(', ') : '–';
    }
    return String(value);
  }

  function spark(svg, series) {
    if (!Array.isArray(series)) { return; }
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    if (series.length < 2) { return; }
    var max = Math.max.apply(null, series.concat([0.001]));
    var step = 180 / (series.length - 1);
    var points = series.map(function (v, i) {
      return (i * step).toFixed(1) + ',' + (38 - (v / max) * 36).toFixed(1);
    }).join(' ');
    var line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', points);
    svg.appendChild(line);
  }

  function apply(root, data) {
    root.querySelectorAll('[data-field]').forEach(function (el) {
      if (el.closest('[data-id]') && !root.matches('[data-id]')) { return; }
      var value = get(data, el.getAttribute('data-field'));
      if (value !== undefined) { el.textContent = format(value); }
    });
    root.querySelectorAll('[data-value]').forEach(function (el) {
      var value = get(data, el.getAttribute('data-value'));
      if (typeof value === 'number') { el.value = value; }
    });
    root.querySelectorAll('[data-value-from]').forEach(function (el) {
      var value = get(data, el.getAttribute('data-value-from'));
      if (typeof value === 'number') { el.value = el.hasAttribute('data-invert') ? 100 - value : value; }
    });
    root.querySelectorAll('[data-spark]').forEach(function (el) { spark(el, get(data, el.getAttribute('data-spark'))); });
  }

  function applyList(container, items) {
    if (!Array.isArray(items)) { return; }
    items.forEach(function (item) {
      var key = item.id !== undefined ? item.id : item.name;
      container.querySelectorAll('[data-id]').forEach(function (row) {
        if (row.getAttribute('data-id') === String(key)) { apply(row, item); }
      });
    });
  }

  function live(root) {
    var url = root.getAttribute('data-live');
    var every = (parseFloat(root.getAttribute('data-every')) || 5) * 1000;
    var stopField = root.getAttribute('data-stop-field');
    var stopValues = (root.getAttribute('data-stop-values') || '').split(' ');
    var timer = null;
    function stamp(text, bad) {
      root.querySelectorAll('[data-live-stamp]').forEach(function (el) {
        el.textContent = text;
        el.classList.toggle('bad', !!bad);
      });
    }
    function tick() {
      if (document.hidden) { return; }
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, redirect: 'manual' })
        .then(function (response) {
          if (!response.ok) { throw new Error('status ' + response.status); }
          return response.json();
        })
        .then(function (data) {
          if (Array.isArray(data)) {
            applyList(root, data);
          } else {
            apply(root, data);
            root.querySelectorAll('[data-list]').forEach(function (el) { applyList(el, data[el.getAttribute('data-list')]); });
          }
          stamp('live · ' + new Date().toLocaleTimeString(), false);
          if (stopField && stopValues.indexOf(String(get(data, stopField))) >= 0) {
            clearInterval(timer);
            window.location.reload();
          }
        })
        .catch(function () { stamp('offline (signed out?)', true); });
    }
    timer = setInterval(tick, every);
    document.addEventListener('visibilitychange', function () { if (!document.hidden) { tick(); } });
  }

  function forms() {
    document.querySelectorAll('form[data-once]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (form.getAttribute('data-sent')) { event.preventDefault(); return; }
        form.setAttribute('data-sent', '1');
        form.querySelectorAll('button').forEach(function (b) { b.classList.add('sent'); });
      });
    });
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
      });
    });
    document.querySelectorAll('input[data-select-all]').forEach(function (all) {
      all.addEventListener('change', function () {
        var name = all.getAttribute('data-select-all');
        all.form.querySelectorAll('input[type=checkbox][name="' + name + '"]:not(:disabled)').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    });
    document.querySelectorAll('form[data-copy-selection]').forEach(function (form) {
      form.addEventListener('submit', function () {
        var source = document.getElementById(form.getAttribute('data-copy-selection'));
        form.querySelectorAll('input[data-copied]').forEach(function (el) { el.remove(); });
        source.querySelectorAll('input[name=ids]:checked').forEach(function (box) {
          var copy = document.createElement('input');
          copy.type = 'hidden'; copy.name = 'ids'; copy.value = box.value; copy.setAttribute('data-copied', '1');
          form.appendChild(copy);
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live]').forEach(live);
    forms();
  });
}());
