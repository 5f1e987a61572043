/* Scoutline console for coordinators and supervisors: who is on duty now (the running session, its scouts
 * checked in or not, the supervisors connected, the queue). Reads /console/api/duty now and every 15 s. */
(function () {
  'use strict';

  var S = window.Scoutline, $ = S.$, el = S.el;
  var EVERY_MS = 15000, timer = null;

  function hhmm(local) { return local ? local.slice(11, 16) : '-'; }

  function waitText(seconds) {
    if (seconds === undefined || seconds === null) return t('duty.nobody_waits');
    var minutes = Math.floor(seconds / 60);
    return minutes < 1 ? t('duty.wait_under_minute') : t('duty.wait_minutes', { n: minutes });
  }

  function person(p) {
    var li = el('li');
    var state = p.checkedIn ? t('duty.checked_in') : t('duty.not_checked_in');
    li.appendChild(el('strong', {}, p.alias + ' (' + p.username + ')'));
    li.appendChild(document.createTextNode(': ' + state +
      (p.checkedIn ? ' · ' + t('duty.chats', { n: p.chats }) : '')));
    li.setAttribute('data-checked-in', String(p.checkedIn));
    return li;
  }

  function session(s) {
    var box = el('div', { class: 'duty-session' });
    box.appendChild(el('h3', {}, t('duty.session', { title: s.title, from: hhmm(s.start), to: hhmm(s.end) })));
    if (s.escalationsStopped) box.appendChild(el('p', { class: 'hint' }, t('duty.stopped')));
    box.appendChild(el('p', {}, t('duty.rostered')));
    var ul = el('ul', { class: 'duty-scouts' });
    s.scouts.forEach(function (p) { ul.appendChild(person(p)); });
    box.appendChild(ul);
    return box;
  }

  function show(d) {
    var root = $('duty'); root.textContent = '';
    if (!d.sessions.length) root.appendChild(el('p', {}, t('duty.no_session')));
    d.sessions.forEach(function (s) { root.appendChild(session(s)); });
    var sup = d.supervisors.map(function (p) { return p.alias + ' (' + p.username + ')'; });
    root.appendChild(el('p', {}, sup.length ? t('duty.supervisors', { names: sup.join(', ') }) : t('duty.no_supervisor')));
    root.appendChild(el('p', { class: 'duty-queue' }, t('duty.queue', { n: d.waiting }) + ' · ' + waitText(d.longestWaitSeconds)));
  }

  function load() {
    return S.api('GET', '/console/api/duty').then(show).catch(function (e) {
      $('duty').textContent = t('duty.failed', { why: e.message });
    });
  }

  $('duty-refresh').addEventListener('click', load);

  S.duty = {
    start: function () {
      $('duty-section').hidden = false;
      load();
      if (!timer) timer = setInterval(load, EVERY_MS);
    },
    refresh: load
  };
}());
