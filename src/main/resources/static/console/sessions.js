/* Scoutline console for coordinators: live sessions (list, form, cancel) and their reports with a chart.
 * Plain JavaScript, no external resources. console.js calls ScoutlineSessions.start({ api, say }) for coordinators. */
(function () {
  'use strict';

  var API = '/console/api/sessions';
  var DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  function dayName(d) { return t('day.' + d); }
  var WEEK = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  var DEFAULTS = { zone: 'Europe/Berlin', from: '19:00', to: '21:00', queue: 20, stop: 10 };
  /* field name in SessionDraft -> what the coordinator sees, and the control to focus */
  /* field name in SessionDraft -> the control to focus; its name is the text sessions.problem.<field> */
  var FIELDS = {
    title: 's-title', topic: 's-topic', languages: 's-languages', channels: 's-channels', timeZone: 's-zone',
    start: 's-start', end: 's-end', scouts: 's-scouts', supervisor: 's-supervisor', maxQueueLength: 's-queue',
    escalationStopMinutes: 's-stop', recurrence: 's-repeat', exceptions: 's-exceptions'
  };
  var BARS = ['waited', 'chats', 'gaveUp', 'unreached', 'refused'];

  var ctx = null, people = {}, editing = null, charts = 0;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function hiddenText(text) { return el('span', { class: 'visually-hidden' }, text); }
  function checked(name) {
    return Array.prototype.map.call(document.querySelectorAll('input[name="' + name + '"]:checked'),
      function (box) { return box.value; });
  }
  function setChecked(name, values) {
    document.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      box.checked = values.indexOf(box.value) >= 0;
    });
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /* ---------- dates as plain text: local times of the session's own zone, never converted ---------- */

  function dateText(ymd) { // "2026-02-10" -> "Tue 10 Feb 2026" / "Di., 10. Feb. 2026": the date as written, no zone
    var p = ymd.split('-').map(Number), day = new Date(Date.UTC(p[0], p[1] - 1, p[2]));
    function part(option) { var o = { timeZone: 'UTC' }; o[option] = 'short'; return day.toLocaleDateString(I18n.lang(), o); }
    return t('date.format', { weekday: part('weekday'), day: p[2], month: part('month'), year: p[0] });
  }
  function span(start, end) { // "2026-02-10T19:00", "2026-02-10T21:00" -> "Tue 10 Feb 2026, 19:00–21:00"
    var s = start.slice(0, 10), e = end.slice(0, 10);
    return dateText(s) + ', ' + start.slice(11, 16) + '–' + (e === s ? '' : dateText(e) + ', ') + end.slice(11, 16);
  }
  function wallClock(zone, instant) { // the wall-clock time in zone as "YYYY-MM-DDTHH:MM:SS", or null for an unknown zone
    try {
      var parts = {};
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(instant)
        .forEach(function (p) { parts[p.type] = p.value; });
      return parts.year + '-' + parts.month + '-' + parts.day + 'T' + parts.hour + ':' + parts.minute + ':' + parts.second;
    } catch (e) { return null; }
  }
  function nowIn(zone) {
    var now = wallClock(zone, new Date());
    return now && now.slice(0, 16);
  }
  function utcMillis(local) { // "YYYY-MM-DDTHH:MM:SS" read as if it were UTC
    var n = local.split(/[-T:]/).map(Number);
    return Date.UTC(n[0], n[1] - 1, n[2], n[3], n[4], n[5]);
  }
  function lastMoment(day, zone) { // the last second of a local day in zone, as an RRULE UNTIL in UTC
    var guess = utcMillis(day + 'T23:59:59'), local = wallClock(zone, new Date(guess));
    var instant = new Date(local ? 2 * guess - utcMillis(local) : guess);
    return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  }
  function state(s) { // only for a single session: a series keeps going
    var now = nowIn(s.timeZone);
    if (s.recurrence || !now) return '';
    if (s.end.slice(0, 16) <= now) return 'over';
    return s.start.slice(0, 16) <= now ? 'live' : '';
  }
  function localValue(date, time) {
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' + time;
  }
  function defaultTimes() { // today 19:00-21:00, or tomorrow once today's start has passed
    var day = new Date(), start = localValue(day, DEFAULTS.from);
    if (localValue(day, pad(day.getHours()) + ':' + pad(day.getMinutes())) >= start) {
      day.setDate(day.getDate() + 1);
    }
    return [localValue(day, DEFAULTS.from), localValue(day, DEFAULTS.to)];
  }

  /* ---------- repeat rules ---------- */

  function ruleParts(rule) {
    var parts = {};
    String(rule).replace(/^RRULE:/i, '').split(';').forEach(function (part) {
      var kv = part.split('=');
      if (kv.length === 2) parts[kv[0].toUpperCase()] = kv[1].toUpperCase();
    });
    return parts;
  }
  function untilDate(until, zone) { // 20270630T215959Z -> the local day in zone, 2027-06-30
    var m = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})Z)?/.exec(until || '');
    if (!m) return '';
    var day = m[1] + '-' + m[2] + '-' + m[3];
    var local = m[4] && wallClock(zone, new Date(utcMillis(day + 'T' + m[5] + ':' + m[6] + ':' + m[7])));
    return local ? local.slice(0, 10) : day;
  }
  function ruleInWords(rule, zone) {
    if (!rule) return t('sessions.repeat.none');
    var p = ruleParts(rule), keys = Object.keys(p);
    var days = p.BYDAY ? p.BYDAY.split(',') : [];
    var simple = keys.every(function (k) { return ['FREQ', 'BYDAY', 'UNTIL', 'COUNT', 'INTERVAL'].indexOf(k) >= 0; }) &&
      (p.FREQ === 'WEEKLY' || (p.FREQ === 'DAILY' && !p.BYDAY)) &&
      days.every(function (d) { return DAYS.indexOf(d) >= 0; });
    if (!simple) return t('sessions.rule.raw', { rule: rule });
    var every = Number(p.INTERVAL || 1), unit = p.FREQ === 'DAILY' ? 'day' : 'week';
    var words = every > 1 ? t('sessions.rule.every_n_' + unit + 's', { n: every }) : t('sessions.rule.every_' + unit);
    if (days.length) words += ' ' + t('sessions.rule.on', { days: list(days.map(dayName)) });
    if (p.UNTIL) words += ' ' + t('sessions.rule.until', { date: dateText(untilDate(p.UNTIL, zone)) });
    if (p.COUNT) words += ', ' + t('sessions.rule.times', { n: p.COUNT });
    return words;
  }
  function list(words) {
    return words.length < 2 ? words.join('') : words.slice(0, -1).join(', ') + ' ' + t('list.and') + ' ' + words[words.length - 1];
  }
  function weeklyRule() {
    var rule = 'FREQ=WEEKLY', days = checked('s-day'), until = $('s-until').value;
    if (days.length) rule += ';BYDAY=' + days.join(',');
    if (until) rule += ';UNTIL=' + lastMoment(until, $('s-zone').value.trim() || DEFAULTS.zone);
    return rule;
  }
  function isWeekly(rule) { // only what the weekly controls can show again unchanged
    return /^FREQ=WEEKLY(;BYDAY=(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*)?(;UNTIL=\d{8}T\d{6}Z)?$/.test(rule);
  }
  function repeatMode() { return checked('s-repeat')[0] || 'none'; }
  function showRepeat() {
    var mode = repeatMode();
    $('s-weekly').hidden = mode !== 'weekly';
    $('s-advanced').hidden = mode !== 'advanced';
    $('s-exceptions-box').hidden = mode === 'none';
    if (mode === 'weekly' && !checked('s-day').length && $('s-start').value) {
      var p = $('s-start').value.slice(0, 10).split('-').map(Number);
      setChecked('s-day', [WEEK[new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay()]]);
    }
  }

  /* ---------- the list ---------- */

  function name(username) {
    var p = people[username];
    return p ? p.alias + ' (' + username + ')' : username;
  }

  function loadSessions() {
    return ctx.api('GET', API).then(function (sessions) {
      var ul = $('s-list'); ul.textContent = '';
      $('s-empty').hidden = sessions.length > 0;
      sessions.forEach(function (s) { ul.appendChild(sessionItem(s)); });
    }).catch(function (e) { ctx.say(t('sessions.load_failed', { why: e.message })); });
  }

  function sessionItem(s) {
    var li = el('li', { class: 'session' });
    var head = el('p'), now = state(s);
    if (now) {
      head.appendChild(el('span', { class: 'tag tag--' + now }, t('sessions.state.' + now)));
      head.appendChild(document.createTextNode(' '));
    }
    head.appendChild(el('strong', {}, s.title));
    if (s.topic) head.appendChild(document.createTextNode(' · ' + s.topic));
    li.appendChild(head);
    li.appendChild(el('p', {}, span(s.start, s.end) + ' (' + s.timeZone + ')'));
    var repeat = ruleInWords(s.recurrence, s.timeZone);
    if (s.exceptions && s.exceptions.length) repeat += '; ' + t('sessions.not_on', { days: list(s.exceptions.map(dateText)) });
    li.appendChild(el('p', {}, repeat));
    li.appendChild(el('p', {}, t('sessions.people', { scouts: s.scouts.map(name).join(', '), supervisor: name(s.supervisor) })));
    li.appendChild(el('p', { class: 'hint' }, s.channels.map(function (c) { return t('channel.' + c.toLowerCase()); }).join(', ') +
      ' · ' + s.languages.map(function (l) { return t('lang.' + l); }).join(', ') + ' · ' +
      t('sessions.limits', { queue: s.maxQueueLength, stop: s.escalationStopMinutes })));
    var row = el('div', { class: 'row' });
    var edit = el('button', { type: 'button', class: 'secondary' }, t('sessions.edit'));
    edit.appendChild(hiddenText(' ' + s.title));
    edit.addEventListener('click', function () { openForm(s); });
    var cancel = el('button', { type: 'button', class: 'danger' }, t('sessions.cancel'));
    cancel.appendChild(hiddenText(' ' + s.title));
    row.appendChild(edit); row.appendChild(cancel); li.appendChild(row);
    var confirm = cancelConfirm(s, cancel);
    li.appendChild(confirm);
    cancel.addEventListener('click', function () { confirm.hidden = false; confirm.querySelector('.keep').focus(); });
    return li;
  }

  function cancelConfirm(s, cancelButton) {
    var box = el('div', { class: 'confirm', role: 'group', 'aria-label': t('sessions.cancel_label', { title: s.title }) });
    box.hidden = true;
    box.appendChild(el('p', {}, t(s.recurrence ? 'sessions.cancel_series' : 'sessions.cancel_once', { title: s.title })));
    var yes = el('button', { type: 'button', class: 'danger' }, t('sessions.cancel_yes'));
    var keep = el('button', { type: 'button', class: 'secondary keep' }, t('sessions.cancel_no'));
    yes.addEventListener('click', function () {
      ctx.api('DELETE', API + '/' + encodeURIComponent(s.id)).then(function () {
        ctx.say(t('sessions.cancelled', { title: s.title }));
        if (editing === s.id) closeForm();
        loadSessions().then(function () { $('s-new').focus(); });
      }).catch(function (e) { ctx.say(t('sessions.not_cancelled', { why: e.message })); loadSessions(); });
    });
    keep.addEventListener('click', function () { box.hidden = true; cancelButton.focus(); });
    box.appendChild(yes); box.appendChild(keep);
    return box;
  }

  /* ---------- the form ---------- */

  function loadPeople() {
    return ctx.api('GET', '/console/api/accounts').then(function (accounts) {
      people = {};
      accounts.forEach(function (a) { people[a.username] = a; });
      return accounts.filter(function (a) { return a.enabled && (a.role === 'SCOUT' || a.role === 'SUPERVISOR'); });
    });
  }

  function fillPeople(staff, scouts, supervisor) {
    var boxes = $('s-scout-boxes'); boxes.textContent = '';
    var names = staff.map(function (a) { return a.username; });
    scouts.filter(function (u) { return names.indexOf(u) < 0; }).forEach(function (u) {
      staff.push({ username: u, alias: u, role: 'GONE' });
    });
    if (!staff.length) boxes.appendChild(el('p', { class: 'hint' }, t('sessions.no_scouts')));
    staff.forEach(function (a) {
      var label = el('label', { class: 'check' });
      var box = el('input', { type: 'checkbox', name: 's-scout', value: a.username });
      box.checked = scouts.indexOf(a.username) >= 0;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + a.alias + ' (' + a.username + ')' +
        (a.role === 'SUPERVISOR' ? ', ' + t('role.supervisor') : a.role === 'GONE' ? ', ' + t('sessions.gone') : '')));
      boxes.appendChild(label);
    });
    var select = $('s-supervisor'); select.textContent = '';
    select.appendChild(el('option', { value: '' }, t('sessions.choose_supervisor')));
    [['SUPERVISOR', t('sessions.group.supervisors')], ['SCOUT', t('sessions.group.scouts')],
      ['GONE', t('sessions.group.gone')]].forEach(function (group) {
      var members = staff.filter(function (a) { return a.role === group[0]; });
      if (group[0] === 'GONE' && supervisor && names.indexOf(supervisor) < 0 && scouts.indexOf(supervisor) < 0) {
        members.push({ username: supervisor, alias: supervisor });
      }
      if (!members.length) return;
      var optgroup = el('optgroup', { label: group[1] });
      members.forEach(function (a) { optgroup.appendChild(el('option', { value: a.username }, a.alias + ' (' + a.username + ')')); });
      select.appendChild(optgroup);
    });
    select.value = supervisor || '';
  }

  function openForm(session) {
    $('s-saved').hidden = true;
    clearProblems();
    editing = session ? session.id : null;
    loadPeople().then(function (staff) {
      var s = session || blank();
      $('s-form-title').textContent = session ? t('sessions.edit_title', { title: session.title }) : t('sessions.new');
      $('s-save').textContent = t(session ? 'sessions.save_changes' : 'sessions.save');
      $('s-title').value = s.title; $('s-topic').value = s.topic || '';
      setChecked('s-language', s.languages); setChecked('s-channel', s.channels);
      $('s-zone').value = s.timeZone; $('s-start').value = s.start; $('s-end').value = s.end;
      fillPeople(staff, s.scouts, s.supervisor);
      $('s-queue').value = s.maxQueueLength; $('s-stop').value = s.escalationStopMinutes;
      fillRepeat(s.recurrence, s.timeZone);
      $('s-exceptions').value = (s.exceptions || []).join(', ');
      $('s-form').hidden = false;
      $('s-form-title').focus();
    }).catch(function (e) { ctx.say(t('sessions.accounts_failed', { why: e.message })); });
  }

  function blank() {
    var times = defaultTimes();
    return { title: '', topic: '', languages: ['de', 'en'], channels: ['WEB'], timeZone: DEFAULTS.zone,
      start: times[0], end: times[1], scouts: [], supervisor: '', maxQueueLength: DEFAULTS.queue,
      escalationStopMinutes: DEFAULTS.stop, recurrence: null, exceptions: [] };
  }

  function fillRepeat(rule, zone) {
    var mode = !rule ? 'none' : isWeekly(rule) ? 'weekly' : 'advanced';
    setChecked('s-repeat', [mode]);
    var p = rule ? ruleParts(rule) : {};
    setChecked('s-day', mode === 'weekly' && p.BYDAY ? p.BYDAY.split(',') : []);
    $('s-until').value = mode === 'weekly' ? untilDate(p.UNTIL, zone) : '';
    $('s-rrule').value = mode === 'advanced' ? rule : '';
    showRepeat();
  }

  function closeForm() {
    $('s-form').hidden = true;
    editing = null;
    clearProblems();
  }

  function number(id, field, problems) {
    var value = $(id).value.trim();
    if (!/^\d+$/.test(value)) {
      problems.push({ field: field, message: t('sessions.problem.whole_number', { min: $(id).min, max: $(id).max }) });
      return null;
    }
    return Number(value);
  }

  function draft(problems) {
    var mode = repeatMode();
    var recurrence = mode === 'weekly' ? weeklyRule() : mode === 'advanced' ? $('s-rrule').value.trim() : null;
    if (mode === 'advanced' && !recurrence) problems.push({ field: 'recurrence', message: t('sessions.problem.no_rule') });
    return {
      title: $('s-title').value, topic: $('s-topic').value, languages: checked('s-language'),
      channels: checked('s-channel'), timeZone: $('s-zone').value.trim(), start: $('s-start').value,
      end: $('s-end').value, scouts: checked('s-scout'), supervisor: $('s-supervisor').value,
      maxQueueLength: number('s-queue', 'maxQueueLength', problems),
      escalationStopMinutes: number('s-stop', 'escalationStopMinutes', problems),
      recurrence: recurrence || null,
      exceptions: mode === 'none' ? [] : $('s-exceptions').value.split(/[\s,;]+/).filter(Boolean)
    };
  }

  function save(event) {
    event.preventDefault();
    var problems = [], body = draft(problems);
    if (problems.length) { showProblems(problems); return; }
    var request = editing ? ctx.api('PUT', API + '/' + encodeURIComponent(editing), body) : ctx.api('POST', API, body);
    $('s-save').disabled = true;
    request.then(function (saved) {
      closeForm();
      ctx.say(t('sessions.saved', { title: saved.title }));
      $('s-saved').textContent = t('sessions.saved', { title: saved.title });
      $('s-saved').hidden = false;
      return loadSessions().then(function () { $('s-new').focus(); });
    }).catch(function (e) {
      if (e.problems && e.problems.length) showProblems(e.problems);
      else showProblems([{ field: '', message: e.code === 'forbidden' ? t('sessions.only_coordinators') : e.message }]);
    }).then(function () { $('s-save').disabled = false; });
  }

  /* ---------- problems next to their fields and in one summary ---------- */

  function clearProblems() {
    $('s-problems').textContent = '';
    document.querySelectorAll('#s-form .field-error').forEach(function (p) { p.textContent = ''; });
    document.querySelectorAll('#s-form [aria-invalid]').forEach(function (c) { c.removeAttribute('aria-invalid'); });
  }

  function showProblems(problems) {
    clearProblems();
    var summary = $('s-problems');
    summary.appendChild(el('p', {}, problems.length === 1 ? t('sessions.problems.one')
      : t('sessions.problems.many', { n: problems.length })));
    var ul = el('ul');
    problems.forEach(function (problem) {
      var field = (/^[a-zA-Z]+/.exec(problem.field || '') || [''])[0];
      var known = FIELDS[field];
      var text = readable(problemText(problem));
      var message = text.charAt(0).toUpperCase() + text.slice(1);
      var li = el('li');
      if (known) {
        var link = el('a', { href: '#' + known }, t('sessions.problem.' + field) + ': ' + text);
        link.addEventListener('click', function (e) { e.preventDefault(); focusField(known); });
        li.appendChild(link);
        var slot = $('err-' + field);
        slot.textContent = slot.textContent ? slot.textContent + ' ' + message : message;
        var control = $(known);
        if (control.tagName !== 'FIELDSET') control.setAttribute('aria-invalid', 'true');
      } else {
        li.textContent = message;
      }
      ul.appendChild(li);
    });
    summary.appendChild(ul);
    summary.focus();
  }

  // the server's problem in the console's language by its code, else its (English) message as sent
  function problemText(problem) {
    var key = 'sessions.problem_code.' + problem.code;
    if (problem.code && I18n.has(key)) return t('sessions.problem_code.' + problem.code, problem.params || {});
    return problem.message;
  }

  function readable(message) { // 2026-02-10T19:00 -> 2026-02-10 19:00
    return String(message || '').replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/g, '$1 $2');
  }

  function focusField(id) {
    var target = $(id);
    if (target.tagName === 'FIELDSET') target = target.querySelector('input:not([type=hidden])') || target;
    target.focus();
  }

  /* ---------- reports ---------- */

  function minutes(seconds) {
    if (seconds === undefined || seconds === null) return t('reports.no_chats');
    var m = seconds / 60;
    return t('reports.minutes', { n: (m < 10 ? Math.round(m * 10) / 10 : Math.round(m)).toLocaleString(I18n.lang()) });
  }

  function loadReports() {
    var days = $('r-days').value;
    $('r-csv-all').href = API + '/reports/csv?days=' + encodeURIComponent(days);
    return ctx.api('GET', API + '/reports?days=' + encodeURIComponent(days)).then(function (reports) {
      var rows = $('r-rows'); rows.textContent = '';
      $('r-empty').hidden = reports.length > 0;
      $('r-table').hidden = reports.length === 0;
      $('r-csv-all').hidden = reports.length === 0;
      reports.forEach(function (r) {
        var tr = el('tr');
        tr.appendChild(el('td', {}, span(r.start.slice(0, 16), r.end.slice(0, 16))));
        tr.appendChild(el('td', {}, r.title));
        tr.appendChild(el('td', {}, String(r.escalations)));
        tr.appendChild(el('td', {}, String(r.chats)));
        tr.appendChild(el('td', {}, minutes(r.medianWaitSeconds)));
        var cell = el('td'), show = el('button', { type: 'button', class: 'secondary' }, t('reports.show'));
        show.appendChild(hiddenText(' ' + r.title + ', ' + dateText(r.start.slice(0, 10))));
        show.addEventListener('click', function () { showReport(r); });
        cell.appendChild(show); tr.appendChild(cell); rows.appendChild(tr);
      });
      if (!reports.length) $('r-detail').hidden = true;
    }).catch(function (e) { ctx.say(t('reports.load_failed', { why: e.message })); });
  }

  function reportBars(r) {
    var bars = BARS.map(function (b) { return [t('reports.bar.' + b), r[b] || 0, 'bar']; });
    var outcomes = Object.keys(r.outcomes || {}).sort();
    outcomes.forEach(function (o) { bars.push([t('reports.outcome', { outcome: t('outcome.' + o) }), r.outcomes[o], 'outcome']); });
    return bars;
  }

  function showReport(r) {
    $('r-detail').hidden = false;
    $('r-detail-title').textContent = r.title + ', ' + span(r.start.slice(0, 16), r.end.slice(0, 16));
    var times = $('r-times'); times.textContent = '';
    [[t('reports.col.wait'), minutes(r.medianWaitSeconds)], [t('reports.p90'), minutes(r.p90WaitSeconds)],
      [t('reports.chat_length'), minutes(r.medianChatSeconds)], [t('reports.col.escalations'), String(r.escalations)],
      [t('reports.crisis'), String(r.crisis)]].forEach(function (row) {
      var li = el('li'); li.appendChild(el('strong', {}, row[0] + ': ')); li.appendChild(document.createTextNode(row[1]));
      times.appendChild(li);
    });
    var bars = reportBars(r);
    var chart = $('r-chart'); chart.textContent = '';
    chart.appendChild(barChart(t('reports.chart', { title: r.title }), bars));
    chart.appendChild(el('p', { class: 'hint' }, t('reports.turned_away')));
    var numbers = $('r-numbers'); numbers.textContent = '';
    bars.forEach(function (b) {
      var tr = el('tr'); tr.appendChild(el('th', { scope: 'row' }, b[0])); tr.appendChild(el('td', {}, String(b[1])));
      numbers.appendChild(tr);
    });
    $('r-csv').href = API + '/reports/' + encodeURIComponent(r.occurrence) + '/csv';
    $('r-detail-title').focus();
  }

  /* horizontal bars drawn by hand: a label, the bar, the number; the same numbers in <title>/<desc> and a table */
  function barChart(title, bars) {
    var NS = 'http://www.w3.org/2000/svg', row = 30, labelWidth = 300, barWidth = 220, width = labelWidth + barWidth + 50;
    var most = Math.max.apply(null, bars.map(function (b) { return b[1]; }).concat([1]));
    var svg = document.createElementNS(NS, 'svg');
    var id = 'r-svg-' + (++charts);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (bars.length * row + 10));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', id + '-title ' + id + '-desc');
    svg.setAttribute('class', 'chart');
    function add(parent, tag, attrs, text) {
      var node = document.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) node.textContent = text;
      parent.appendChild(node);
      return node;
    }
    add(svg, 'title', { id: id + '-title' }, title);
    add(svg, 'desc', { id: id + '-desc' }, bars.map(function (b) { return b[0] + ': ' + b[1]; }).join('. ') + '.');
    bars.forEach(function (b, i) {
      var y = i * row + 5, length = Math.round(b[1] / most * barWidth);
      var g = add(svg, 'g', { class: 'chart-row chart-' + b[2] });
      add(g, 'title', {}, b[0] + ': ' + b[1]);
      add(g, 'text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'chart-label' }, b[0]);
      add(g, 'rect', { x: labelWidth, y: y + 3, width: Math.max(length, b[1] ? 2 : 0), height: row - 10, rx: 3 });
      add(g, 'text', { x: labelWidth + length + 6, y: y + 17, class: 'chart-value' }, String(b[1]));
    });
    return svg;
  }

  /* ---------- wiring ---------- */

  function start(context) {
    ctx = context;
    refresh();
    loadReports();
  }

  function refresh() {
    if (ctx) loadPeople().catch(function () { return []; }).then(loadSessions);
  }

  $('s-new').addEventListener('click', function () { openForm(null); });
  $('s-close').addEventListener('click', function () { closeForm(); $('s-new').focus(); });
  $('s-form').addEventListener('submit', save);
  document.querySelectorAll('input[name="s-repeat"]').forEach(function (r) { r.addEventListener('change', showRepeat); });
  $('s-exception-add').addEventListener('click', function () {
    var day = $('s-exception-day').value;
    if (!day) { $('s-exception-day').focus(); return; }
    var days = $('s-exceptions').value.split(/[\s,;]+/).filter(Boolean);
    if (days.indexOf(day) < 0) days.push(day);
    $('s-exceptions').value = days.sort().join(', ');
    $('s-exception-day').value = '';
  });
  $('r-days').addEventListener('change', loadReports);

  window.ScoutlineSessions = { start: start, refresh: refresh };
}());
