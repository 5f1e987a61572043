/* Scoutline console: a supervisor next to the scout of the open chat. The side panel holds the supervisor's private
 * lines to the scout (the young person never sees them; scout and supervisors both do); a supervisor writes there
 * and can step in with a line the person sees, then write to the person too while the scout keeps the chat.
 * chat.js calls opened() for every chat it opens and passes each chat event to event() first. */
(function () {
  'use strict';

  var S = window.Scoutline, $ = S.$, el = S.el;
  var current = null, joined = false;

  function isSupervisor() { return S.me && S.me.role === 'SUPERVISOR'; }

  function whisperLine(w) {
    var li = el('li', { class: 'whisper' });
    li.appendChild(el('strong', {}, (w.alias || w.by || '-') + ' (' + S.clock(w.at) + '): '));
    li.appendChild(document.createTextNode(w.text));
    $('whispers').appendChild(li);
    $('whispers-empty').hidden = true;
  }

  function showStepIn(c) {
    var other = !!c.scout && c.scout !== S.me.username;
    $('step-in').hidden = !(isSupervisor() && other && !joined);
    $('step-in-hint').hidden = $('step-in').hidden;
    $('step-in-hint').textContent = t('assist.step_in_hint', { alias: S.me.alias });
    $('assist-joined').hidden = !(isSupervisor() && joined);
  }

  // the panel of a chat that is with a scout: that scout sees it; a supervisor sees it for another scout's chat
  function opened(id, c) {
    var other = !!c.scout && c.scout !== S.me.username;
    var mine = !!c.scout && c.scout === S.me.username;
    current = id; joined = false;
    $('assist').hidden = !(mine || (isSupervisor() && other));
    $('whisper-form').hidden = !(isSupervisor() && other);
    $('whispers').textContent = ''; $('whispers-empty').hidden = false;
    showStepIn(c);
    if ($('assist').hidden) return;
    S.api('GET', '/console/api/chats/' + encodeURIComponent(id) + '/assist').then(function (a) {
      if (current !== id) return;
      $('whispers').textContent = ''; $('whispers-empty').hidden = a.whispers.length > 0;
      a.whispers.forEach(whisperLine);
      joined = a.helpers.indexOf(S.me.username) >= 0;
      showStepIn(c);
    }).catch(function () {});
  }

  // a private line or a supervisor stepping in; true when handled here
  function event(e) {
    if (e.conversation !== current) return false;
    if (e.type === 'whisper') {
      whisperLine({ by: e.author, alias: e.alias, text: e.text, at: e.at });
      if (e.author !== S.me.username) S.say(t('assist.new', { alias: e.alias }));
      return true;
    }
    if (e.type === 'joined') {
      var d = el('div', { class: 'msg msg--bot' }, t('assist.joined', { alias: e.alias }));
      $('log').appendChild(d); $('log').scrollTop = $('log').scrollHeight;
      if (e.author === S.me.username) { joined = true; showStepIn({ scout: e.scout }); }
      return true;
    }
    return false;
  }

  $('whisper-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('whisper').value.trim();
    if (!current || !text) return;
    S.api('POST', '/console/api/chats/' + current + '/whispers', { text: text }).then(function () { $('whisper').value = ''; })
      .catch(function (err) { S.say(err.message); });
  });
  $('step-in').addEventListener('click', function () {
    var id = current;
    S.api('POST', '/console/api/chats/' + id + '/step-in').then(function () {
      if (current !== id) return;
      joined = true; $('step-in').hidden = true; $('step-in-hint').hidden = true; $('assist-joined').hidden = false;
      S.say(t('assist.stepped_in')); $('message').focus();
    }).catch(function (err) { S.say(err.message); });
  });

  S.assist = { opened: opened, event: event };
}());
