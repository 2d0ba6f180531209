/* A "print" button (data-print) that opens the browser's print dialog; a static file for the strict CSP. */
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(b => b.addEventListener('click', () => window.print()));
}());
