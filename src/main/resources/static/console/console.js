/* Scoutline operator console: who I am, the connection, the queue and my chats, the supervisor's alerts.
 * Plain JavaScript, STOMP from the WebJar, no external resources. Texts: t() of i18n.js. The open chat is chat.js,
 * the accounts accounts.js, the sessions sessions.js; they share window.Scoutline. */
(function () {
  'use strict';

  var S = window.Scoutline = window.Scoutline || {};
  var $ = S.$ = function (id) { return document.getElementById(id); };
  var seenWaiting = null, audio = null, tones = 0;

  S.api = function (method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (S.me && method !== 'GET') headers[S.me.csrfHeader] = S.me.csrfToken;
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (!r.ok) {
            var e = new Error(S.problem(j.error, j.message, r.status)); e.code = j.error; e.problems = j.problems; throw e;
          }
          return j;
        });
      });
  };

  // an API refusal in the console's language: its stable code as error.<code>, else the server's words
  S.problem = function (code, message, status) {
    if (code && I18n.has('error.' + code)) return t('error.' + code);
    return message || t('error.http', { status: status || '?' });
  };

  S.say = function (text) { $('status').textContent = text; };
  S.el = function (tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  };
  S.clock = function (ms) {
    return ms ? new Date(ms).toLocaleTimeString(I18n.lang(), { hour: '2-digit', minute: '2-digit' }) : '-';
  };
  S.isStaff = function () { return S.me.role === 'SCOUT' || S.me.role === 'SUPERVISOR'; };
  // "Suizid, akut" / "suicide, imminent": why a chat is flagged, never the words
  S.reason = function (signal) {
    if (!signal || !signal.kind) return '';
    return t('crisis.kind.' + signal.kind) + ', ' + t('crisis.severity.' + (signal.severity || 'concern'));
  };
  // "KRISE (Suizidgedanken, Sorge) · ": why a chat comes first
  S.flag = function (c) {
    if (!c.crisis && !c.urgent) return '';
    return t(c.urgent ? 'flag.urgent' : 'flag.crisis') + (c.signal ? ' (' + S.reason(c.signal) + ')' : '') + ' · ';
  };
  // "Chat 3": the chat's number of the day, the same for everyone
  S.chatName = function (c) { return t('chat.name', { n: S.chatNumber(c) }); };
  S.chatNumber = function (c) { return c.number || String(c.id || '?').slice(0, 6); };

  function start() {
    S.api('GET', '/console/api/me').then(function (m) {
      S.me = m;
      return I18n.use(m.language).then(function (lang) {
        $('my-language').value = lang;
        $('who').textContent = t('who', { alias: m.alias, username: m.username, role: t('role.' + m.role.toLowerCase()) });
        $('logout-csrf').value = m.csrfToken;
        if (S.isStaff()) { $('queue-section').hidden = false; connect(); refresh(); }
        if (S.chat) S.chat.start();
        if ((m.role === 'COORDINATOR' || m.role === 'SUPERVISOR') && S.duty) S.duty.start();
        if (m.role === 'COORDINATOR') {
          if (S.accounts) S.accounts.start();
          if (window.ScoutlineSessions) {
            $('sessions-section').hidden = false; window.ScoutlineSessions.start({ api: S.api, say: S.say });
          }
        }
      });
    }).catch(function () { location.href = '/login'; });
  }

  function connect() {
    var client = S.client = new StompJs.Client({
      brokerURL: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/console/ws',
      connectHeaders: (function () { var h = {}; h[S.me.csrfHeader] = S.me.csrfToken; return h; })(),
      reconnectDelay: 3000
    });
    client.onConnect = function () {
      S.say(t('status.connected'));
      client.subscribe('/topic/queue', refresh);
      client.subscribe('/user/queue/errors', function (f) { var b = JSON.parse(f.body); S.say(S.problem(b.error, b.message)); });
      client.subscribe('/user/queue/assigned', refresh);
      if (S.offer) S.offer.listen(client);
      if (S.me.role === 'SUPERVISOR') {
        client.subscribe('/topic/chats', refresh);
        client.subscribe('/topic/alerts', function (f) { alarm(JSON.parse(f.body)); });
      }
      if (S.chat) S.chat.reconnected();
    };
    client.onStompError = function (f) {
      var code = f.headers.code;
      var why = code && I18n.has('stomp.' + code) ? t('stomp.' + code) : (f.headers.message || '-');
      S.say(t('status.refused', { why: why }));
    };
    client.onWebSocketClose = function () { S.say(t('status.reconnecting')); };
    client.activate();
  }

  // one short tone; browsers allow sound only after a click on the page, so the console asks for one first
  function tone() {
    if (!audio || audio.state !== 'running') return false;
    var osc = audio.createOscillator(); osc.frequency.value = 880; osc.connect(audio.destination);
    osc.start(); osc.stop(audio.currentTime + 0.4);
    document.body.setAttribute('data-tones', String(++tones));
    return true;
  }
  S.tone = tone;
  function unlockSound() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      return audio.resume().then(function () { showSound(); return audio.state === 'running'; });
    } catch (e) { return Promise.resolve(false); }
  }
  function showSound() { $('sound-on').hidden = !!(audio && audio.state === 'running'); }

  function alarm(event) {
    var box = $('alert');
    box.hidden = false;
    var why = S.reason(event);
    box.textContent = t(event.severity === 'imminent' ? 'alert.imminent' : 'alert.crisis',
      { why: why || '-', chat: S.chatName({ number: event.number, id: event.conversation }) });
    tone();
    refresh();
  }

  function waited(c) { return t('queue.waiting', { min: Math.max(0, Math.round((c.now - c.queuedAt) / 60000)) }); }

  function refresh() {
    S.api('GET', '/console/api/queue').then(function (list) {
      var ul = $('queue'); ul.textContent = '';
      $('queue-title').textContent = t('queue.title', { count: list.length });
      var fresh = false, ids = {};
      list.forEach(function (c) {
        ids[c.id] = true;
        if (seenWaiting && !seenWaiting[c.id]) fresh = true;
        var li = S.el('li', c.crisis ? { class: c.urgent ? 'crisis urgent' : 'crisis' } : {});
        li.appendChild(S.el('p', {}, S.flag(c) + S.chatName(c) + ' · ' + [c.words && c.words.line, waited(c)]
          .filter(Boolean).join(' · ')));
        var b = S.el('button', { type: 'button' }, t('queue.claim', { n: S.chatNumber(c) }));
        b.addEventListener('click', function () { claim(c.id); });
        li.appendChild(b); ul.appendChild(li);
      });
      if (fresh) tone();
      seenWaiting = ids;
      emptyHint(list.length, $('chats').children.length);
    }).catch(function (e) { S.say(e.message); });
    S.api('GET', '/console/api/chats').then(function (list) {
      var ul = $('chats'); ul.textContent = '';
      list.forEach(function (c) {
        var li = S.el('li', c.crisis ? { class: c.urgent ? 'crisis urgent' : 'crisis' } : {});
        var since = c.claimedAt || c.queuedAt || c.startedAt;
        var b = S.el('button', { type: 'button' }, S.flag(c) + t('chats.open', { n: S.chatNumber(c), time: S.clock(since) }));
        b.addEventListener('click', function () { S.chat.open(c.id); });
        li.appendChild(b);
        var about = [c.words && c.words.line, S.me.role === 'SUPERVISOR' && c.scoutAlias ? t('chats.with', { alias: c.scoutAlias }) : null];
        li.appendChild(S.el('p', { class: 'hint' }, about.filter(Boolean).join(' · ')));
        ul.appendChild(li);
      });
      emptyHint($('queue').children.length, list.length);
    }).catch(function () {});
  }
  S.refresh = refresh;

  function emptyHint(waiting, chats) {
    $('queue-empty').hidden = waiting > 0 || chats > 0;
    $('queue-empty').textContent = t('queue.empty');
    showSound();
  }

  function claim(id) {
    S.api('POST', '/console/api/chats/' + id + '/claim').then(function () { S.say(t('status.claimed')); S.chat.open(id); refresh(); })
      .catch(function (e) { S.say(e.message); refresh(); });
  }

  $('sound-on').addEventListener('click', function () {
    unlockSound().then(function (on) { if (on) tone(); S.say(t(on ? 'sound.on' : 'sound.off')); });
  });
  document.addEventListener('click', function () { if (!audio || audio.state !== 'running') unlockSound(); });
  $('my-language').addEventListener('change', function () {
    var lang = this.value;
    S.api('POST', '/console/api/me/language', { language: lang }).then(function () { location.reload(); })
      .catch(function (e) { S.say(e.message); });
  });

  start();
}());
