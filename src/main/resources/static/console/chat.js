/* Scoutline console: the open chat. Its summary in words, the crisis banner, the transcript (numbered lines:
 * after a reconnect only the ones after the last shown), writing, notes, handing over and closing. */
(function () {
  'use strict';

  var S = window.Scoutline, $ = S.$, el = S.el;
  var TYPING_EVERY_MS = 3000, TYPING_SHOWN_MS = 5000;
  var current = null, chat = null, chatSub = null, holder = null, lastTypingSent = 0, typingTimer = null;
  var chatBase = 0, chatSeq = 0, chatSeen = {}, missed = null;

  function start() {
    S.me.outcomes.forEach(function (o) { $('outcome').appendChild(el('option', { value: o }, t('outcome.' + o))); });
    closeReady();
  }

  // a scout's stored line names who wrote it ("Lena"): a supervisor who stepped in shows as themselves
  function line(from, text, name) {
    var d = el('div', { class: 'msg msg--' + from });
    d.appendChild(el('strong', {}, (from === 'scout' && name ? name : t('from.' + from)) + ': '));
    d.appendChild(document.createTextNode(text));
    $('log').appendChild(d); $('log').scrollTop = $('log').scrollHeight;
  }

  function signalText(signal) {
    if (!signal) return null;
    return S.reason(signal) + ' · ' + new Date(signal.at).toLocaleString(I18n.lang(), { dateStyle: 'short', timeStyle: 'short' });
  }

  function summary(c) {
    var dl = $('summary'); dl.textContent = '';
    var rows = [[t('summary.channel'), t('channel.' + c.channel)], [t('summary.language'), t('lang.' + c.locale)]];
    ((c.words && c.words.facts) || []).forEach(function (f) { rows.push([f.label, f.value]); });
    rows.push([t('summary.waiting_since'), S.clock(c.queuedAt)], [t('summary.scout'), c.scoutAlias || c.scout || '-']);
    rows.forEach(function (r) { dl.appendChild(el('dt', {}, r[0])); dl.appendChild(el('dd', {}, String(r[1]))); });
  }

  // what was written and when, the country's lines, and whether a supervisor is really there now
  function banner(c) {
    var help = c.crisisHelp, box = $('crisis-banner');
    box.hidden = !help;
    if (!help) return;
    $('crisis-banner-title').textContent = t(c.urgent ? 'crisis.banner.urgent' : 'crisis.banner.title');
    var said = [c.signal && t('crisis.written', { what: signalText(c.signal) }),
      c.lastSignal && t('crisis.written_last', { what: signalText(c.lastSignal) })].filter(Boolean);
    $('crisis-what').textContent = said.length ? said.join(' ') : t('crisis.screened');
    $('crisis-supervisor').textContent = help.supervisor ? t('crisis.supervisor', { alias: help.supervisor })
      : t('crisis.no_supervisor', { emergency: help.emergency });
    var ul = $('crisis-lines'); ul.textContent = '';
    help.lines.forEach(function (l) { ul.appendChild(el('li', {}, l.name + ': ' + l.contact)); });
  }

  // the banner's supervisor line stays true while the chat is open: who is connected is read again
  setInterval(function () {
    if (!current || !chat || !chat.crisisHelp) return;
    var id = current;
    S.api('GET', '/console/api/chats/' + id).then(function (c) { if (current === id) { chat = c; banner(c); } })
      .catch(function () {});
  }, 15000);

  function open(id) {
    S.api('GET', '/console/api/chats/' + id).then(function (c) {
      var same = current === id;
      current = id; chat = c;
      holder = c.scout || null;
      if (!same) userTyping(false);
      $('chat-section').hidden = false;
      $('chat-title').textContent = S.chatName(c) + (c.urgent ? ' (' + t('flag.urgent_long') + ')' : (c.crisis ? ' (' + t('flag.crisis') + ')' : ''));
      summary(c);
      banner(c);
      $('log').textContent = '';
      c.transcript.forEach(function (l) { line(l.from, l.text, l.name); });
      chatBase = chatSeq = typeof c.seq === 'number' ? c.seq : 0;
      chatSeen = {};
      missed = null;
      var notes = $('notes'); notes.textContent = '';
      c.notes.forEach(function (n) { notes.appendChild(el('li', {}, n)); });
      if (S.assist) S.assist.opened(id, c);
      $('take-over').hidden = !(S.me.role === 'SUPERVISOR' && c.scout !== S.me.username);
      if (!same) { $('outcome').value = ''; closeReady(); }
      canned(id);
      team();
      watchChat(id);
      if (!same) $('message').focus();
    }).catch(function (e) { S.say(e.message); });
  }

  function watchChat(id) {
    if (chatSub) { try { chatSub.unsubscribe(); } catch (x) { /* the old connection is gone */ } }
    chatSub = S.client.subscribe('/topic/chat/' + id, function (f) {
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
    if (S.assist && S.assist.event(e)) return;
    if (e.type === 'typing') { if (e.author === 'user') userTyping(true); return; }
    if (e.type === 'message') {
      if (!freshLine(e.seq)) return;
      sawLine(e.seq);
      if (e.author === 'user') userTyping(false);
      if (e.author === 'note') $('notes').appendChild(el('li', {}, e.text)); else line(e.author, e.text);
    } else if (e.type === 'closed' || e.type === 'erased' || e.type === 'requeued') {
      S.say(t('chat.event.' + e.type)); S.refresh();
    } else if (e.type === 'crisis') {
      S.say(t('crisis.event', { why: S.reason(e) || '-' }));
      if (current) open(current); // the banner with what was written and who is there
    }
  }

  // After a reconnect: listen again (holding what arrives), fetch the lines after the last one shown, show them,
  // then what arrived meanwhile, each line once. When they are not all there any more, the chat opens afresh.
  function resume(id) {
    missed = [];
    watchChat(id);
    S.api('GET', '/console/api/chats/' + id + '/transcript?after=' + chatSeq).then(function (r) {
      if (current !== id) return;
      if (!r.complete) { open(id); return; }
      r.lines.forEach(function (l) { if (freshLine(l.seq)) { sawLine(l.seq); line(l.from, l.text, l.name); } });
      var held = missed || [];
      missed = null;
      held.forEach(chatEvent);
    }).catch(function () { if (current === id) open(id); });
  }

  // "schreibt…" next to the chat for a few seconds after the user's widget signalled it
  function userTyping(on) {
    clearTimeout(typingTimer);
    $('chat-typing').textContent = on ? t('chat.typing') : '';
    if (on) typingTimer = setTimeout(function () { userTyping(false); }, TYPING_SHOWN_MS);
  }

  // the user sees "<alias> is typing…": at most one signal every TYPING_EVERY_MS, only in a chat one holds
  function signalTyping() {
    var client = S.client;
    if (!current || !client || !client.connected || holder !== S.me.username || !$('message').value.trim()) return;
    var now = Date.now();
    if (now - lastTypingSent < TYPING_EVERY_MS) return;
    lastTypingSent = now;
    client.publish({ destination: '/app/chat/' + current + '/typing', body: '{}',
      headers: { 'content-type': 'application/json' } });
  }

  // the canned answers come from the server, built from the directory for the chat's language and country
  function canned(id) {
    var s = $('canned'); s.length = 1;
    S.api('GET', '/console/api/chats/' + encodeURIComponent(id) + '/canned').then(function (c) {
      if (current !== id) return;
      s.length = 1;
      c.replies.forEach(function (r) { s.appendChild(el('option', { value: r.text }, r.label)); });
    }).catch(function () {});
  }

  function team() {
    S.api('GET', '/console/api/team').then(function (list) {
      var s = $('transfer-to'); s.textContent = '';
      var others = list.filter(function (p) { return p.username !== S.me.username; });
      others.forEach(function (p) {
        s.appendChild(el('option', { value: p.username }, p.alias + ' (' + t('role.' + p.role.toLowerCase()) + ')'));
      });
      if (!others.length) s.appendChild(el('option', { value: '' }, t('transfer.nobody')));
    }).catch(function () {});
  }

  function counter() {
    var n = $('message').value.length, max = S.me ? S.me.maxMessageLength : 2000;
    $('message-count').textContent = t('send.count', { n: n, max: max });
    $('message-count').className = n > max ? 'hint over' : 'hint';
    return n <= max;
  }

  function leave(text) { S.say(text); $('chat-section').hidden = true; current = null; chat = null; S.refresh(); }

  // no outcome is preselected: closing waits until one is chosen, then asks once more, naming the chat
  function closeReady() {
    $('close-chat').disabled = !$('outcome').value;
    $('close-confirm').hidden = true;
  }

  $('message').addEventListener('input', function () { counter(); signalTyping(); });
  $('canned').addEventListener('change', function () {
    if (this.value) { $('message').value = this.value; counter(); this.selectedIndex = 0; $('message').focus(); }
  });
  $('send-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('message').value.trim();
    if (!current || !text) return;
    if (!counter()) { S.say(t('send.too_long', { max: S.me.maxMessageLength })); return; }
    S.client.publish({ destination: '/app/chat/' + current + '/send', body: JSON.stringify({ text: text }),
      headers: { 'content-type': 'application/json' } });
    $('message').value = ''; counter(); S.say('');
  });
  $('message').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('send-form').requestSubmit(); }
  });
  $('note-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('note').value.trim();
    if (!current || !text) return;
    S.api('POST', '/console/api/chats/' + current + '/notes', { text: text }).then(function () { $('note').value = ''; })
      .catch(function (err) { S.say(err.message); });
  });
  $('transfer-form').addEventListener('submit', function (e) {
    e.preventDefault();
    if (!$('transfer-to').value) { S.say(t('transfer.nobody_status')); return; }
    S.api('POST', '/console/api/chats/' + current + '/transfer', { to: $('transfer-to').value })
      .then(function () { leave(t('status.transferred')); })
      .catch(function (err) { S.say(err.message); });
  });
  $('take-over').addEventListener('click', function () {
    S.api('POST', '/console/api/chats/' + current + '/transfer', { to: S.me.username })
      .then(function () { S.say(t('status.taken_over')); open(current); S.refresh(); })
      .catch(function (err) { S.say(err.message); });
  });
  $('outcome').addEventListener('change', closeReady);
  $('close-form').addEventListener('submit', function (e) {
    e.preventDefault();
    if (!current || !$('outcome').value) { S.say(t('close.choose_first')); $('outcome').focus(); return; }
    $('close-question').textContent = t('close.question', { chat: S.chatName(chat || {}),
      outcome: t('outcome.' + $('outcome').value) });
    $('close-confirm').hidden = false;
    $('close-yes').focus();
  });
  $('close-no').addEventListener('click', function () { $('close-confirm').hidden = true; $('close-chat').focus(); });
  $('close-yes').addEventListener('click', function () {
    S.api('POST', '/console/api/chats/' + current + '/close', { outcome: $('outcome').value })
      .then(function () { $('outcome').value = ''; closeReady(); leave(t('status.closed')); })
      .catch(function (err) { S.say(err.message); });
  });

  S.chat = { start: start, open: open, reconnected: function () { if (current) resume(current); } };
}());
