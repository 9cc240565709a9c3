/* global window, document */
// Qingshou console behaviour: small and optional — every page works without it except
// the uploads (htmx sends the CSRF header). No inline scripts, so a strict CSP holds.
(function () {
  'use strict';

  // Charts: <div class="chart" data-chart='{…ECharts option…}'>, on load and after swaps.
  function initCharts(root) {
    if (!window.echarts) return;
    root.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      if (el.dataset.ready) return;
      el.dataset.ready = '1';
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(el.dataset.chart));
      window.addEventListener('resize', function () {
        chart.resize();
      });
    });
  }

  // After a swap, move focus to what changed: the first error, else the flash message.
  function focusAfterSwap(target) {
    var error = target.querySelector('[aria-invalid="true"], .form-errors');
    var flash = target.querySelector('.flash');
    var el = error || flash;
    if (!el) return;
    if (!el.matches('input, select, textarea')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: false });
  }

  // Print a same-origin frame (a notice letter) alone: <button data-print-frame="frame-id">.
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-print-frame]');
    if (!button) return;
    var frame = document.getElementById(button.getAttribute('data-print-frame'));
    try {
      frame.contentWindow.focus();
      frame.contentWindow.print();
    } catch {
      window.print();
    }
  });

  // The case page's approval form: the chosen kind shows its own fields
  // (<div class="kind-fields" data-kind="waiver">); the server renders the first choice.
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (!select.matches || !select.matches('#approval-form select[name="kind"]')) return;
    select.form.querySelectorAll('.kind-fields[data-kind]').forEach(function (group) {
      group.hidden = group.getAttribute('data-kind') !== select.value;
    });
  });

  document.addEventListener('DOMContentLoaded', function () {
    initCharts(document);
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    // An outerHTML swap detaches the old target; look in the document then.
    var root = event.target.isConnected ? event.target : document;
    initCharts(root);
    focusAfterSwap(root);
  });
})();
