/* Scoutline operator console: plain JavaScript, STOMP from the WebJar, no external resources. */
(function () {
  'use strict';

  var me = null, client = null, current = null, chatSub = null;
  var TYPING_EVERY_MS = 3000, TYPING_SHOWN_MS = 5000;
  var holder = null, lastTypingSent = 0, typingTimer = null;
  // the open chat's transcript lines are numbered (seq): after a reconnect only the ones after the last shown
  var chatBase = 0, chatSeq = 0, chatSeen = {}, missed = null;
  var $ = function (id) { return document.getElementById(id); };

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (me && method !== 'GET') headers[me.csrfHeader] = me.csrfToken;
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (!r.ok) {
            var e = new Error(j.message || ('HTTP ' + r.status)); e.code = j.error; e.problems = j.problems; throw e;
          }
          return j;
        });
      });
  }

  function say(text) { $('status').textContent = text; }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function minutes(ms) { return Math.max(0, Math.round(ms / 60000)) + ' min'; }
  function isStaff() { return me.role === 'SCOUT' || me.role === 'SUPERVISOR'; }

  function start() {
    api('GET', '/console/api/me').then(function (m) {
      me = m;
      $('who').textContent = m.alias + ' (' + m.username + ', ' + m.role.toLowerCase() + ')';
      $('logout-csrf').value = m.csrfToken;
      m.outcomes.forEach(function (o) { $('outcome').appendChild(el('option', { value: o }, o.replace(/_/g, ' '))); });
      if (isStaff()) { $('queue-section').hidden = false; connect(); refresh(); }
      if (m.role === 'COORDINATOR') {
        $('accounts-section').hidden = false; accounts();
        if (window.ScoutlineSessions) {
          $('sessions-section').hidden = false; window.ScoutlineSessions.start({ api: api, say: say });
        }
      }
    }).catch(function () { location.href = '/login'; });
  }

  function connect() {
    client = new StompJs.Client({
      brokerURL: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/console/ws',
      connectHeaders: (function () { var h = {}; h[me.csrfHeader] = me.csrfToken; return h; })(),
      reconnectDelay: 3000
    });
    client.onConnect = function () {
      say('On duty: connected');
      client.subscribe('/topic/queue', refresh);
      client.subscribe('/user/queue/errors', function (f) { say(JSON.parse(f.body).message); });
      client.subscribe('/user/queue/assigned', refresh);
      if (me.role === 'SUPERVISOR') {
        client.subscribe('/topic/chats', refresh);
        client.subscribe('/topic/alerts', function (f) { alarm(JSON.parse(f.body)); });
      }
      if (current) resume(current);
    };
    client.onStompError = function (f) { say('Console connection refused: ' + (f.headers.message || 'error')); };
    client.onWebSocketClose = function () { say('Disconnected, reconnecting…'); };
    client.activate();
  }

  var KINDS = { suicide: 'suicide', self_harm: 'self-harm', danger: 'danger from others' };

  // why a chat is flagged, never the words: "suicide, imminent" / "self-harm, concern"
  function reason(signal) {
    if (!signal || !signal.kind) return '';
    return (KINDS[signal.kind] || signal.kind) + ', ' + (signal.severity || 'concern');
  }

  function clockTime(ms) { return ms ? new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '-'; }

  function signalText(signal) {
    if (!signal) return null;
    return reason(signal) + ' · ' + new Date(signal.at).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
  }

  function alarm(event) {
    var box = $('alert');
    box.hidden = false;
    var why = reason(event);
    box.textContent = (event.severity === 'imminent' ? 'URGENT, imminent danger' : 'Crisis') +
      (why ? ' (' + why + ')' : '') + ': a chat needs the supervisor now (' + event.conversation.slice(0, 6) + ').';
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)();
      var osc = ctx.createOscillator(); osc.frequency.value = 880; osc.connect(ctx.destination);
      osc.start(); osc.stop(ctx.currentTime + 0.6);
    } catch (e) { /* no audio: the visible alert stays */ }
    refresh();
  }

  function describe(c) {
    var f = c.facts || {};
    var parts = [c.channel, c.locale, f.situation ? 'situation ' + f.situation : null, f.age ? 'age ' + f.age : null,
      f.country ? f.country : null, c.risk ? 'risk ' + c.risk : null,
      c.signal ? 'crisis message: ' + reason(c.signal) + ' at ' + clockTime(c.signal.at) : null];
    return parts.filter(Boolean).join(' · ');
  }

  function flag(c) {
    return c.urgent ? 'URGENT · ' : (c.crisis ? 'CRISIS · ' : '');
  }

  // "no" in the risk screen is an answer, not "not screened"
  function risk(c) {
    var f = c.facts || {};
    if (c.risk) return c.risk;
    if (f.risk_thoughts) return 'screened: thoughts of self-harm "' + f.risk_thoughts + '"' +
      (f.danger ? ', danger from others "' + f.danger + '"' : '');
    return 'not screened';
  }

  function refresh() {
    api('GET', '/console/api/queue').then(function (list) {
      var ul = $('queue'); ul.textContent = '';
      $('queue-count').textContent = list.length;
      list.forEach(function (c) {
        var li = el('li', c.crisis ? { class: c.urgent ? 'crisis urgent' : 'crisis' } : {});
        li.appendChild(el('p', {}, flag(c) + '#' + c.position + ' · waiting ' +
          minutes(c.now - c.queuedAt) + ' · ' + describe(c)));
        var b = el('button', { type: 'button' }, 'Claim chat ' + c.position);
        b.addEventListener('click', function () { claim(c.id); });
        li.appendChild(b); ul.appendChild(li);
      });
    }).catch(function (e) { say(e.message); });
    api('GET', '/console/api/chats').then(function (list) {
      var ul = $('chats'); ul.textContent = '';
      list.forEach(function (c) {
        var li = el('li', c.crisis ? { class: c.urgent ? 'crisis urgent' : 'crisis' } : {});
        var b = el('button', { type: 'button' }, flag(c) + 'Open chat with ' + (c.scout || '?') + ' · ' + describe(c));
        b.addEventListener('click', function () { open(c.id); });
        li.appendChild(b); ul.appendChild(li);
      });
    }).catch(function () {});
  }

  function claim(id) {
    api('POST', '/console/api/chats/' + id + '/claim').then(function () { say('Chat claimed.'); open(id); refresh(); })
      .catch(function (e) { say(e.message); refresh(); });
  }

  function line(from, text) {
    var d = el('div', { class: 'msg msg--' + from });
    d.appendChild(el('strong', {}, ({ user: 'Young person', bot: 'Bot', scout: 'Scout', note: 'Note' })[from] + ': '));
    d.appendChild(document.createTextNode(text));
    $('log').appendChild(d); $('log').scrollTop = $('log').scrollHeight;
  }

  function open(id) {
    api('GET', '/console/api/chats/' + id).then(function (c) {
      current = id;
      holder = c.scout || null;
      userTyping(false);
      $('chat-section').hidden = false;
      $('chat-title').textContent = 'Chat ' + id.slice(0, 6) + (c.urgent ? ' (urgent: imminent danger)' : (c.crisis ? ' (crisis)' : ''));
      var dl = $('summary'); dl.textContent = '';
      var rows = [['Channel', c.channel], ['Language', c.locale]];
      if (c.signal) rows.push(['Crisis message', signalText(c.signal), 'crisis']);
      if (c.lastSignal) rows.push(['Latest crisis message', signalText(c.lastSignal), 'crisis']);
      rows.push(['Risk', risk(c)],
        ['Waiting since', c.queuedAt ? new Date(c.queuedAt).toLocaleTimeString() : '-'], ['Scout', c.scout || '-']);
      Object.keys(c.facts || {}).forEach(function (k) { rows.push([k, c.facts[k]]); });
      rows.forEach(function (r) {
        var attrs = r[2] ? { class: r[2] } : {};
        dl.appendChild(el('dt', attrs, r[0])); dl.appendChild(el('dd', attrs, String(r[1])));
      });
      $('log').textContent = '';
      c.transcript.forEach(function (t) { line(t.from, t.text); });
      chatBase = chatSeq = typeof c.seq === 'number' ? c.seq : 0;
      chatSeen = {};
      missed = null;
      var notes = $('notes'); notes.textContent = '';
      c.notes.forEach(function (n) { notes.appendChild(el('li', {}, n)); });
      $('take-over').hidden = !(me.role === 'SUPERVISOR' && c.scout !== me.username);
      canned(id);
      team();
      watchChat(id);
      $('message').focus();
    }).catch(function (e) { say(e.message); });
  }

  function watchChat(id) {
    if (chatSub) { try { chatSub.unsubscribe(); } catch (x) { /* the old connection is gone */ } }
    chatSub = client.subscribe('/topic/chat/' + id, function (f) {
      var e = JSON.parse(f.body);
      if (missed) { missed.push(e); return; }
      chatEvent(e);
    });
  }

  // whether a line with this seq is not shown yet (events without one, notes, always are)
  function freshLine(seq) { return typeof seq !== 'number' || (seq > chatBase && !chatSeen[seq]); }
  function sawLine(seq) {
    if (typeof seq !== 'number') return;
    chatSeen[seq] = true;
    if (seq > chatSeq) chatSeq = seq;
  }

  function chatEvent(e) {
    if (e.type === 'typing') { if (e.author === 'user') userTyping(true); return; }
    if (e.type === 'message') {
      if (!freshLine(e.seq)) return;
      sawLine(e.seq);
      if (e.author === 'user') userTyping(false);
      if (e.author === 'note') $('notes').appendChild(el('li', {}, e.text)); else line(e.author, e.text);
    } else if (e.type === 'closed' || e.type === 'erased' || e.type === 'requeued') {
      say('This chat was ' + e.type + '.'); refresh();
    } else if (e.type === 'crisis') {
      say('Crisis signal in this chat' + (e.kind ? ' (' + reason(e) + ')' : '') + ': the supervisor is alerted.');
    }
  }

  // After a reconnect: listen again (holding what arrives), fetch the lines after the last one shown, show them,
  // then what arrived meanwhile, each line once. When they are not all there any more, the chat opens afresh.
  function resume(id) {
    missed = [];
    watchChat(id);
    api('GET', '/console/api/chats/' + id + '/transcript?after=' + chatSeq).then(function (t) {
      if (current !== id) return;
      if (!t.complete) { open(id); return; }
      t.lines.forEach(function (l) { if (freshLine(l.seq)) { sawLine(l.seq); line(l.from, l.text); } });
      var held = missed || [];
      missed = null;
      held.forEach(chatEvent);
    }).catch(function () { if (current === id) open(id); });
  }

  // "typing…" next to the chat for a few seconds after the user's widget signalled it
  function userTyping(on) {
    clearTimeout(typingTimer);
    $('chat-typing').textContent = on ? 'typing…' : '';
    if (on) typingTimer = setTimeout(function () { userTyping(false); }, TYPING_SHOWN_MS);
  }

  // the user sees "<alias> is typing…": at most one signal every TYPING_EVERY_MS, only in a chat one holds
  function signalTyping() {
    if (!current || !client || !client.connected || holder !== me.username || !$('message').value.trim()) return;
    var now = Date.now();
    if (now - lastTypingSent < TYPING_EVERY_MS) return;
    lastTypingSent = now;
    client.publish({ destination: '/app/chat/' + current + '/typing', body: '{}',
      headers: { 'content-type': 'application/json' } });
  }

  // the canned answers come from the server, built from the directory for the chat's language and country
  function canned(id) {
    var s = $('canned'); s.length = 1;
    api('GET', '/console/api/chats/' + encodeURIComponent(id) + '/canned').then(function (c) {
      if (current !== id) return;
      s.length = 1;
      c.replies.forEach(function (r) { s.appendChild(el('option', { value: r.text }, r.label)); });
    }).catch(function () {});
  }

  function team() {
    api('GET', '/console/api/team').then(function (list) {
      var s = $('transfer-to'); s.textContent = '';
      var others = list.filter(function (p) { return p.username !== me.username; });
      others.forEach(function (p) {
        s.appendChild(el('option', { value: p.username }, p.alias + ' (' + p.role.toLowerCase() + ')'));
      });
      if (!others.length) s.appendChild(el('option', { value: '' }, 'Nobody else is on duty'));
    }).catch(function () {});
  }

  function counter() {
    var n = $('message').value.length, max = me ? me.maxMessageLength : 2000;
    $('message-count').textContent = n + ' / ' + max + ' characters';
    $('message-count').className = n > max ? 'hint over' : 'hint';
    return n <= max;
  }

  $('message').addEventListener('input', function () { counter(); signalTyping(); });
  $('canned').addEventListener('change', function () {
    if (this.value) { $('message').value = this.value; counter(); this.selectedIndex = 0; $('message').focus(); }
  });
  $('send-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('message').value.trim();
    if (!current || !text) return;
    if (!counter()) { say('Too long: at most ' + me.maxMessageLength + ' characters. Please shorten it.'); return; }
    client.publish({ destination: '/app/chat/' + current + '/send', body: JSON.stringify({ text: text }),
      headers: { 'content-type': 'application/json' } });
    $('message').value = ''; counter();
  });
  $('message').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('send-form').requestSubmit(); }
  });
  $('note-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('note').value.trim();
    if (!current || !text) return;
    api('POST', '/console/api/chats/' + current + '/notes', { text: text }).then(function () { $('note').value = ''; })
      .catch(function (err) { say(err.message); });
  });
  $('transfer-form').addEventListener('submit', function (e) {
    e.preventDefault();
    if (!$('transfer-to').value) { say('Nobody else is on duty to hand over to.'); return; }
    api('POST', '/console/api/chats/' + current + '/transfer', { to: $('transfer-to').value })
      .then(function () { say('Chat handed over.'); $('chat-section').hidden = true; current = null; refresh(); })
      .catch(function (err) { say(err.message); });
  });
  $('take-over').addEventListener('click', function () {
    api('POST', '/console/api/chats/' + current + '/transfer', { to: me.username })
      .then(function () { say('You have taken over this chat.'); open(current); refresh(); })
      .catch(function (err) { say(err.message); });
  });
  $('close-form').addEventListener('submit', function (e) {
    e.preventDefault();
    api('POST', '/console/api/chats/' + current + '/close', { outcome: $('outcome').value })
      .then(function () { say('Chat closed.'); $('chat-section').hidden = true; current = null; refresh(); })
      .catch(function (err) { say(err.message); });
  });

  function accounts() {
    if (window.ScoutlineSessions) window.ScoutlineSessions.refresh(); // names and rosters shown there
    api('GET', '/console/api/accounts').then(function (list) {
      var ul = $('accounts'); ul.textContent = '';
      list.forEach(function (a) {
        var li = el('li');
        li.appendChild(el('p', {}, a.alias + ' (' + a.username + ') · ' + a.role.toLowerCase() +
          (a.enabled ? '' : ' · disabled') + (a.lockedUntil ? ' · locked until ' + clockTime(a.lockedUntil) : '')));
        var t = el('button', { type: 'button' }, (a.enabled ? 'Disable ' : 'Re-enable ') + a.username);
        t.addEventListener('click', function () {
          api('POST', '/console/api/accounts/' + a.username + (a.enabled ? '/disable' : '/enable')).then(accounts)
            .catch(function (e) { say(e.message); });
        });
        var r = el('button', { type: 'button' }, 'Reset password of ' + a.username);
        r.addEventListener('click', function () {
          var pw = prompt('New password for ' + a.username + ' (at least 10 characters)');
          if (pw) api('POST', '/console/api/accounts/' + a.username + '/password', { password: pw })
            .then(function () { say('Password reset.'); }).catch(function (e) { say(e.message); });
        });
        li.appendChild(t); li.appendChild(r);
        if (a.lockedUntil) {
          var u = el('button', { type: 'button' }, 'Unlock ' + a.username);
          u.addEventListener('click', function () {
            api('POST', '/console/api/accounts/' + a.username + '/unlock')
              .then(function () { say(a.username + ' is unlocked.'); accounts(); })
              .catch(function (e) { say(e.message); });
          });
          li.appendChild(u);
        }
        ul.appendChild(li);
      });
    });
  }
  // a login lock's end, in the browser's time: "14:05"
  function clockTime(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }
  $('account-form').addEventListener('submit', function (e) {
    e.preventDefault();
    api('POST', '/console/api/accounts', { username: $('acc-username').value.trim(), alias: $('acc-alias').value.trim(),
      password: $('acc-password').value, role: $('acc-role').value })
      .then(function () { say('Account created.'); e.target.reset(); accounts(); })
      .catch(function (err) { say(err.message); });
  });

  start();
}());
