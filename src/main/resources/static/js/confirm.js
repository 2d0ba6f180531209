/*
 * Confirmation before approving, publishing, revoking (issue 19): a form submitted by a button (or a form) that
 * carries data-confirm asks first; "Cancel" submits nothing. A static file, for the strict Content-Security-Policy.
 */
document.addEventListener('submit', function (e) {
  'use strict';
  const button = e.submitter;
  const message = (button && button.dataset.confirm) || e.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    e.preventDefault();
  }
});
