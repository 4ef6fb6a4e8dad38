'use strict';
// The "Afdrukken" button, and charts redrawn at paper size: Chart.js does not resize for print media by itself.

(() => {
  const herteken = () => {
    if (window.Chart) { Object.values(window.Chart.instances).forEach(grafiek => grafiek.resize()); }
  };
  window.addEventListener('beforeprint', herteken);
  window.addEventListener('afterprint', herteken);
  if (window.matchMedia) { window.matchMedia('print').addEventListener('change', herteken); }
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-afdrukken]').forEach(knop => knop.addEventListener('click', () => window.print()));
  });
})();
