/*
 * Nhập sổ phổ cập: sends the chosen file by the tus 1.0.0 protocol (resumable upload) instead of one form post, so a
 * commune's or the city's register of any size goes through with progress from the first byte, and a dropped
 * connection (or a closed tab) costs only the piece in flight: the upload's address is kept in localStorage under the
 * file's name, size, date and the data year, and the next attempt continues from the offset the server reports.
 * Without this script (or without fetch/XHR) the form posts the file as before. No inline script (strict CSP).
 */
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form || !window.XMLHttpRequest || !window.localStorage || !window.Blob || !Blob.prototype.slice) return;
  var endpoint = form.getAttribute('data-upload-url');
  var CHUNK = 4 * 1024 * 1024;
  var status = document.getElementById('upload-status');
  var bar = document.getElementById('upload-progress');
  var button = form.querySelector('button[type="submit"]');

  function msg(name) { return form.getAttribute('data-msg-' + name) || ''; }
  function say(text) { status.textContent = text; }
  function csrf(xhr) {
    var t = document.querySelector('meta[name="_csrf"]'), h = document.querySelector('meta[name="_csrf_header"]');
    if (t && h) xhr.setRequestHeader(h.getAttribute('content'), t.getAttribute('content'));
  }
  function b64(s) { return btoa(unescape(encodeURIComponent(s))); }
  function request(method, url, headers, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('Tus-Resumable', '1.0.0');
      Object.keys(headers).forEach(function (k) { xhr.setRequestHeader(k, headers[k]); });
      if (method !== 'HEAD') csrf(xhr);
      if (onProgress && xhr.upload) xhr.upload.onprogress = function (e) { onProgress(e.loaded); };
      xhr.onload = function () { resolve(xhr); };
      xhr.onerror = function () { reject(new Error('network')); };
      xhr.onabort = function () { reject(new Error('network')); };
      xhr.send(body === undefined ? null : body);
    });
  }
  function problem(xhr) {
    try { var j = JSON.parse(xhr.responseText); if (j && j.message) return j.message; } catch (e) { /* not JSON */ }
    return msg('failed') + ' (HTTP ' + xhr.status + ')';
  }
  function show(sent, total) {
    var pct = total === 0 ? 100 : Math.floor(sent * 100 / total);
    bar.hidden = false;
    bar.value = pct;
    say(msg('progress').replace('{0}', pct).replace('{1}', (sent / 1048576).toFixed(1).replace('.', ','))
        .replace('{2}', (total / 1048576).toFixed(1).replace('.', ',')));
  }
  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  async function upload(file, year) {
    var key = 'hoctap.register.upload.' + [file.name, file.size, file.lastModified, year].join('|');
    var url = localStorage.getItem(key), offset = 0, failures = 0;
    if (url) {
      var head = await request('HEAD', url, {}).catch(function () { return null; });
      if (head && head.status === 200) offset = parseInt(head.getResponseHeader('Upload-Offset'), 10) || 0;
      else url = null;
      if (url && offset > 0) say(msg('resuming'));
    }
    if (!url) {
      var created = await request('POST', endpoint, {'Upload-Length': String(file.size),
        'Upload-Metadata': 'filename ' + b64(file.name) + ',year ' + b64(String(year))});
      if (created.status !== 201) throw new Error(problem(created));
      url = created.getResponseHeader('Location');
      localStorage.setItem(key, url);
    }
    while (true) {
      show(offset, file.size);
      var piece = file.slice(offset, Math.min(offset + CHUNK, file.size));
      var start = offset;
      var xhr;
      try {
        xhr = await request('PATCH', url, {'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream'},
          piece, function (loaded) { show(start + loaded, file.size); });
      } catch (e) {
        // the connection dropped: ask where the server is and continue from there
        if (++failures > 20) throw new Error(msg('network'));
        say(msg('retrying'));
        await wait(Math.min(30000, 1000 * failures));
        var h = await request('HEAD', url, {}).catch(function () { return null; });
        if (h && h.status === 200) offset = parseInt(h.getResponseHeader('Upload-Offset'), 10) || offset;
        continue;
      }
      if (xhr.status === 409) {
        var h2 = await request('HEAD', url, {});
        offset = parseInt(h2.getResponseHeader('Upload-Offset'), 10) || 0;
        continue;
      }
      if (xhr.status !== 204) {
        localStorage.removeItem(key);
        throw new Error(problem(xhr));
      }
      failures = 0;
      offset = parseInt(xhr.getResponseHeader('Upload-Offset'), 10);
      if (offset >= file.size) {
        localStorage.removeItem(key);
        show(file.size, file.size);
        return xhr.getResponseHeader('HocTap-Import-Page');
      }
    }
  }

  form.addEventListener('submit', function (event) {
    var input = form.querySelector('input[type="file"]');
    var year = form.querySelector('input[name="year"]');
    if (!input.files || input.files.length !== 1 || !year.checkValidity()) return;
    event.preventDefault();
    button.disabled = true;
    say(msg('starting'));
    upload(input.files[0], year.value).then(function (page) {
      say(msg('done'));
      window.location.assign(page);
    }, function (error) {
      button.disabled = false;
      bar.hidden = true;
      say(error.message);
    });
  });
})();
