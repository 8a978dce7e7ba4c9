/* Yishi (议事): registers the service worker that tools/postbuild.mjs writes into dist/sw.js,
 * and shows a notice when dist/index.html is opened from file:// (where it cannot start).
 *
 * Exposes window.__YISHI_OFFLINE__ = { status, reason, applyUpdate() } and fires a
 * `yishi-offline` event on window (detail: { status, reason }) whenever status changes:
 *   status 'unavailable' with reason 'file' | 'insecure' (plain http) | 'unsupported' | 'dev' (trunk serve)
 *          'installing' | 'ready' (works offline) | 'update-ready' (a new version is waiting) | 'error'
 * applyUpdate(): activates the waiting version and reloads. Call it only when nothing is unsaved;
 * the page is never reloaded by an update on its own.
 */
(function () {
  'use strict';
  var waiting = null;
  var userAskedForUpdate = false;
  var state = { status: 'unavailable', reason: '', applyUpdate: applyUpdate };
  window.__YISHI_OFFLINE__ = state;

  function set(status, reason) {
    state.status = status;
    state.reason = reason || '';
    try {
      window.dispatchEvent(new CustomEvent('yishi-offline', { detail: { status: status, reason: state.reason } }));
    } catch (e) { /* very old browser */ }
  }

  function applyUpdate() {
    if (!waiting) return false;
    userAskedForUpdate = true;
    waiting.postMessage({ type: 'YISHI_SKIP_WAITING' });
    return true;
  }

  function fileNotice() {
    // index.html loads its module script, which browsers block on file://: say what to do instead
    // of leaving a blank page. (The single-file build dist/yishi.html does not include this script.)
    var show = function () {
      if (window.__YISHI_READY__ !== undefined || document.getElementById('yishi-file-notice')) return;
      var box = document.createElement('div');
      box.id = 'yishi-file-notice';
      box.setAttribute('role', 'alert');
      box.style.margin = '2em auto';
      box.style.maxWidth = '40em';
      box.style.padding = '1em';
      box.style.border = '2px solid #b00';
      box.style.fontSize = '18px';
      box.style.lineHeight = '1.6';
      var p1 = document.createElement('p');
      p1.textContent = '此页面不能直接从文件打开。请通过网站地址（http/https）访问，或打开同一文件夹中的单文件版 ';
      var a = document.createElement('a');
      a.href = 'yishi.html';
      a.textContent = 'yishi.html';
      p1.appendChild(a);
      p1.appendChild(document.createTextNode('。'));
      var p2 = document.createElement('p');
      p2.textContent = 'This page cannot run from a file. Open it through a web address (http/https), or open the single-file version yishi.html in the same folder.';
      box.appendChild(p1);
      box.appendChild(p2);
      document.body.appendChild(box);
    };
    if (document.readyState === 'complete') setTimeout(show, 1500);
    else window.addEventListener('load', function () { setTimeout(show, 1500); });
  }

  if (location.protocol === 'file:') { set('unavailable', 'file'); fileNotice(); return; }
  var meta = document.querySelector('meta[name="yishi-sw"]');
  if (!meta) { set('unavailable', 'dev'); return; }
  if (!window.isSecureContext) { set('unavailable', 'insecure'); return; }
  if (!('serviceWorker' in navigator)) { set('unavailable', 'unsupported'); return; }

  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (userAskedForUpdate) location.reload();
  });

  set('installing');
  navigator.serviceWorker.register(meta.getAttribute('content'), { scope: './' }).then(function (reg) {
    function track(worker) {
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) {
          waiting = worker;
          set('update-ready');
        } else if (worker.state === 'activated' && !waiting) {
          set('ready');
        } else if (worker.state === 'redundant' && worker === waiting) {
          waiting = null;
        }
      });
    }
    if (reg.waiting && navigator.serviceWorker.controller) {
      waiting = reg.waiting;
      set('update-ready');
    } else if (reg.active && !reg.installing) {
      set('ready');
    }
    track(reg.installing);
    reg.addEventListener('updatefound', function () { track(reg.installing); });
  }).catch(function (err) {
    set('error', String((err && err.message) || err));
  });
})();
