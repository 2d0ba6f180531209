/*
 * Biên bản kiểm tra ngoại tuyến: the inspection visit form on a phone, working without a connection.
 * Every keystroke is kept as a draft in localStorage; "Gửi" puts the visit (with its evidence files, base64) in an
 * outbox in localStorage with an idempotency key made once per visit; the outbox is sent whenever the browser is
 * online (at once, on the "online" event, and every few seconds), and an entry leaves the outbox only when the server
 * has answered (recorded, or already recorded with the same key). A resend therefore never records a visit twice,
 * and nothing typed is lost when the connection drops mid-visit. No inline script (strict CSP).
 */
(function () {
  'use strict';
  var form = document.getElementById('visit-form');
  if (!form) return;
  var visitId = form.getAttribute('data-visit');
  var submitUrl = form.getAttribute('data-submit-url');
  var doneUrl = form.getAttribute('data-done-url');
  var DRAFT = 'hoctap.visit.draft.' + visitId;
  var OUTBOX = 'hoctap.visit.outbox';
  var status = document.getElementById('sync-status');
  var errorList = document.getElementById('sync-errors');
  var MAX_FILE = 2 * 1024 * 1024;
  var sending = false;

  function msg(name) { return form.getAttribute('data-msg-' + name) || ''; }
  function say(text) { status.textContent = text; }
  function read(key, fallback) {
    try { var v = localStorage.getItem(key); return v ? JSON.parse(v) : fallback; } catch (e) { return fallback; }
  }
  function write(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  function csrf() {
    var t = document.querySelector('meta[name="_csrf"]'), h = document.querySelector('meta[name="_csrf_header"]');
    var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (t && h) headers[h.getAttribute('content')] = t.getAttribute('content');
    return headers;
  }

  // ---- the draft: every field but files, kept as it is typed
  function fields() { return form.querySelectorAll('input[name]:not([type=file]), textarea[name], select[name]'); }
  function saveDraft() {
    var d = read(DRAFT, {});
    d.values = {};
    fields().forEach(function (f) {
      if (f.type === 'radio') { if (f.checked) d.values[f.name] = f.value; }
      else if (f.name !== '_csrf') d.values[f.name] = f.value;
    });
    if (!d.key) d.key = newKey();
    write(DRAFT, d);
  }
  function restoreDraft() {
    var d = read(DRAFT, null);
    if (!d || !d.values) return;
    fields().forEach(function (f) {
      if (!(f.name in d.values)) return;
      if (f.type === 'radio') f.checked = d.values[f.name] === f.value; else if (f.name !== '_csrf') f.value = d.values[f.name];
    });
    say(msg('draft'));
  }
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);

  // ---- building the submission
  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(String(r.result).replace(/^data:[^,]*,/, '')); };
      r.onerror = function () { reject(r.error); };
      r.readAsDataURL(file);
    });
  }
  function build() {
    saveDraft();
    var d = read(DRAFT, {});
    var v = d.values || {};
    var items = [], files = [];
    form.querySelectorAll('fieldset.item').forEach(function (fs) {
      var c = fs.getAttribute('data-code');
      items.push({code: c, rating: v['rating.' + c] || null, note: v['note.' + c] || '', action_what: v['action.' + c] || '',
                  action_owner: v['owner.' + c] || '', action_deadline: v['deadline.' + c] || ''});
      var input = fs.querySelector('input[type=file]');
      if (input && input.files) Array.prototype.forEach.call(input.files, function (f) { files.push({code: c, file: f}); });
    });
    var tooLarge = files.filter(function (f) { return f.file.size > MAX_FILE; });
    if (tooLarge.length) return Promise.reject(new Error(msg('file-large') + ' ' + tooLarge.map(function (f) { return f.file.name; }).join(', ')));
    return Promise.all(files.map(function (f) { return readFile(f.file); })).then(function (data) {
      return {key: d.key, summary: v['summary'] || '', items: items, files: files.map(function (f, i) {
        return {item_code: f.code, file_name: f.file.name, content_type: f.file.type || 'application/octet-stream', data_base64: data[i]};
      })};
    });
  }

  // ---- the outbox
  function outbox() { return read(OUTBOX, []); }
  function queue(entry) {
    var box = outbox().filter(function (e) { return e.visitId !== entry.visitId; });
    box.push(entry);
    write(OUTBOX, box);
  }
  function drop(visit) { write(OUTBOX, outbox().filter(function (e) { return e.visitId !== visit; })); }

  function showErrors(errors) {
    errorList.innerHTML = '';
    Object.keys(errors).forEach(function (k) {
      var li = document.createElement('li');
      li.textContent = k.replace(/^[a-z]+\./, '') + ': ' + errors[k];
      errorList.appendChild(li);
    });
    errorList.hidden = false;
  }

  function flush() {
    var box = outbox();
    if (sending || !box.length) return;
    if (navigator.onLine === false) { if (box.some(function (e) { return e.visitId === visitId; })) say(msg('offline')); return; }
    sending = true;
    var entry = box[0];
    if (entry.visitId === visitId) say(msg('sending'));
    fetch(entry.url, {method: 'POST', headers: csrf(), body: JSON.stringify(entry.payload), credentials: 'same-origin', redirect: 'manual'})
      .then(function (res) {
        if (res.ok) {
          drop(entry.visitId);
          if (entry.visitId === visitId) {
            localStorage.removeItem(DRAFT);
            say(msg('sent'));
            window.location.assign(doneUrl);
          }
        } else if (res.status === 400) {
          // refused (something to correct): back to the form, nothing lost — the draft is still there
          drop(entry.visitId);
          return res.json().then(function (body) {
            if (entry.visitId === visitId) { say(msg('invalid')); showErrors(body.errors || {}); }
          });
        } else if (entry.visitId === visitId) {
          say(msg('queued'));   // signed out, server error: stays in the outbox
        }
      })
      .catch(function () { if (entry.visitId === visitId) say(msg('queued')); })
      .then(function () { sending = false; });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    errorList.hidden = true;
    build().then(function (payload) {
      queue({visitId: visitId, url: submitUrl, payload: payload, at: new Date().toISOString()});
      say(navigator.onLine === false ? msg('offline') : msg('queued'));
      flush();
    }).catch(function (err) { say(err.message); });
  });

  window.addEventListener('online', flush);
  setInterval(flush, 3000);
  restoreDraft();
  if (outbox().some(function (e) { return e.visitId === visitId; })) say(msg('queued'));
  flush();
})();
