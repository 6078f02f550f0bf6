/*
 * The console's browser side: the live event stream (/cti/events, a plain Jakarta
 * WebSocket that pushes to this agent's consoles only), the ring, the clocks, the
 * language switch and the keyboard shortcuts. The widget itself is rendered by the
 * server: a push only asks it to re-render (sdRefresh), so what the widget shows is
 * always the server's state, also after a reconnect.
 */
window.Sangdam = (function () {
  'use strict';
  var ctx = '';
  var phone = false;
  var socket = null;
  var retries = 0;
  var holdUntil = 0;
  var online = false;
  var ring = { on: false, timer: null, audio: null };

  function start(contextPath, withPhone) {
    ctx = contextPath;
    phone = withPhone;
    tickClocks();
    setInterval(tickClocks, 1000);
    formatTimes();
    if (localStorage.getItem('sangdam.phone.collapsed') === '1') {
      document.body.classList.add('sd-phone-collapsed');
    }
    if (window.jQuery) {
      jQuery(document).on('pfAjaxComplete', formatTimes);
    }
    if (!phone) {
      return;
    }
    connect();
    document.addEventListener('keydown', shortcut);
    // browsers let a page make sound only after the user touched it
    ['click', 'keydown'].forEach(function (e) { document.addEventListener(e, unlockAudio, { once: true }); });
    if (window.jQuery) {
      jQuery(document).on('pfAjaxComplete', afterUpdate);
    }
    afterUpdate();
  }

  // --- live events ---------------------------------------------------------------

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + ctx + '/cti/events';
    var ws = new WebSocket(url);
    socket = ws;
    ws.onopen = function () {
      retries = 0;
      link(true);
    };
    ws.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (ignored) { return; }
      receive(m);
    };
    ws.onclose = function () {
      if (socket !== ws) {
        return;
      }
      link(false);
      socket = null;
      // back off: 0.5 s, 1 s, 2 s, ... at most 10 s; the first message after a reconnect is the true state
      var wait = Math.max(Math.min(10000, 500 * Math.pow(2, retries++)), holdUntil - Date.now());
      setTimeout(connect, wait);
    };
  }

  function receive(m) {
    if (m.kind === 'ticket-open' && m.ticketId) {
      var here = new URLSearchParams(location.search).get('id');
      if (!(location.pathname.endsWith('/ticket.xhtml') && here === String(m.ticketId))) {
        location.href = ctx + '/ticket.xhtml?id=' + m.ticketId;
        return;
      }
    }
    if (m.kind === 'status') {
      showStatus(m);
    }
    if (m.kind === 'offer') {
      startRing();
    }
    if (m.kind === 'recall' || m.kind === 'call-ended') {
      stopRing();
    }
    if (m.kind === 'dial-failed' || m.kind === 'consult-failed' || m.kind === 'customer-left') {
      refresh([{ name: 'notice', value: m.kind }, { name: 'cause', value: m.cause || '' }]);
      return;
    }
    refresh();
  }

  // the pushed status is the committed one: show it at once, the refresh then brings the buttons
  var labels = { state: {}, reason: {} };
  function showStatus(m) {
    var w = document.getElementById('phoneForm:widget');
    var label = document.getElementById('phoneState');
    if (!w || !label || !m.state) {
      return;
    }
    var reasonEl = document.getElementById('phoneReason');
    var reasonText = m.reason ? (labels.reason[m.reason] || m.reason) : '';
    if (w.getAttribute('data-state') === m.state && (!reasonEl || reasonEl.textContent === reasonText)) {
      return; // already shown (this tab's own button rendered it)
    }
    // until the server's re-render arrives the buttons belong to the old status: none may be pressed
    w.classList.add('sd-syncing');
    w.querySelectorAll('button').forEach(function (b) {
      b.disabled = true;
      b.classList.add('ui-state-disabled');
    });
    w.className = w.className.replace(/sd-state-[A-Z_]+/, 'sd-state-' + m.state).replace(' sd-offered', '')
        + (m.state === 'OFFERED' ? ' sd-offered' : '');
    w.setAttribute('data-state', m.state);
    label.textContent = labels.state[m.state] || m.state;
    if (reasonEl) {
      reasonEl.textContent = reasonText;
    }
    var since = document.getElementById('phoneSince');
    if (since && m.since) {
      since.setAttribute('data-since', String(Date.parse(m.since)));
      tickClocks();
    }
  }

  var refreshing = false, again = false, pendingParams = null;
  function refresh(params) {
    if (typeof window.sdRefresh !== 'function') {
      return;
    }
    if (params) { pendingParams = params; }
    // coalesce bursts: one refresh in flight, at most one queued
    if (refreshing) { again = true; return; }
    refreshing = true;
    var p = pendingParams;
    pendingParams = null;
    window.sdRefresh(p || []);
  }

  /** the widget's refresh finished (remoteCommand oncomplete: it is not a global request) */
  function refreshed() {
    refreshing = false;
    afterUpdate();
    if (again) { again = false; refresh(); }
  }

  function afterUpdate() {
    var w = document.getElementById('phoneForm:widget');
    if (w && w.classList.contains('sd-offered')) {
      startRing();
    } else {
      stopRing();
    }
    tickClocks();
  }

  function link(up) {
    online = up;
    var el = document.getElementById('sdLink');
    if (el) {
      el.textContent = up ? el.getAttribute('data-online') : el.getAttribute('data-offline');
      el.classList.toggle('sd-link-up', up);
      el.classList.toggle('sd-link-down', !up);
    }
  }

  // --- ring: a generated Korean ring pattern (440+480 Hz), no sound file -----------

  function unlockAudio() {
    try {
      var AC = window.AudioContext || window.webkitAudioContext;
      if (AC && !ring.audio) {
        ring.audio = new AC();
      }
      if (ring.audio && ring.audio.state === 'suspended') {
        ring.audio.resume();
      }
    } catch (ignored) { /* no sound device: the blinking still tells */ }
  }

  function burst() {
    var a = ring.audio;
    if (!a || a.state !== 'running') {
      return;
    }
    var gain = a.createGain();
    gain.gain.value = 0.08;
    gain.connect(a.destination);
    [440, 480].forEach(function (f) {
      var o = a.createOscillator();
      o.frequency.value = f;
      o.connect(gain);
      o.start();
      o.stop(a.currentTime + 1.0);
    });
  }

  function startRing() {
    if (ring.on) {
      return;
    }
    ring.on = true;
    burst();
    ring.timer = setInterval(burst, 3000);
  }

  function stopRing() {
    ring.on = false;
    if (ring.timer) {
      clearInterval(ring.timer);
      ring.timer = null;
    }
  }

  // --- clocks: time in status and the call timer, counted in the browser -----------

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function elapsed(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return (h ? h + ':' + pad(m) : m) + ':' + pad(s % 60);
  }

  function tickClocks() {
    var now = Date.now();
    document.querySelectorAll('[data-since]').forEach(function (el) {
      var since = Number(el.getAttribute('data-since'));
      el.textContent = since > 0 ? elapsed(now - since) : '';
    });
  }

  function formatTimes() {
    var lang = document.documentElement.lang || 'ko';
    document.querySelectorAll('[data-at]').forEach(function (el) {
      var at = Number(el.getAttribute('data-at'));
      if (at > 0) {
        el.textContent = new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'ko-KR');
      }
    });
  }

  // --- keyboard: Alt+A answer, Alt+H hold/release, Alt+X hang up ----------------------

  function press(id) {
    var b = document.getElementById(id);
    if (b && !b.disabled) {
      b.click();
      return true;
    }
    return false;
  }

  function shortcut(e) {
    if (!e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    var k = (e.key || '').toLowerCase();
    var code = e.code || '';
    var done = false;
    if (k === 'a' || code === 'KeyA') {
      done = press('phoneForm:answer');
    } else if (k === 'h' || code === 'KeyH') {
      done = press('phoneForm:hold') || press('phoneForm:release');
    } else if (k === 'x' || code === 'KeyX') {
      done = press('phoneForm:hangUp');
    }
    if (done) {
      e.preventDefault();
    }
  }

  // --- layout and language -----------------------------------------------------------

  function toggle() {
    var collapsed = document.body.classList.toggle('sd-phone-collapsed');
    localStorage.setItem('sangdam.phone.collapsed', collapsed ? '1' : '0');
  }

  function language(lang) {
    var u = new URL(location.href);
    u.searchParams.set('lang', lang);
    location.href = u.toString();
  }

  function focus(id) {
    setTimeout(function () { var el = document.getElementById(id); if (el) { el.focus(); } }, 50);
  }

  return {
    start: start,
    toggle: toggle,
    language: language,
    focus: focus,
    refreshed: refreshed,
    labels: function (l) { labels = l; },
    /** for tests and supervisors' curiosity: is the ring sounding, is the event stream up */
    isRinging: function () { return ring.on; },
    isOnline: function () { return online; },
    /** closes the event stream as a network drop would (lasting at least holdMs); the console reconnects by itself */
    dropConnection: function (holdMs) {
      holdUntil = Date.now() + (holdMs || 0);
      if (socket) { socket.close(4000, 'dropped'); }
    }
  };
})();
