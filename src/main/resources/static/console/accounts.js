/* Scoutline console for coordinators: the accounts (list, create, disable, password, unlock, language). */
(function () {
  'use strict';

  var S = window.Scoutline, $ = S.$, el = S.el;

  // a login lock's end, in the browser's time: "14:05"
  function lockEnd(iso) {
    return new Date(iso).toLocaleTimeString(I18n.lang(), { hour: '2-digit', minute: '2-digit' });
  }

  function languageChoice(a) {
    var id = 'acc-lang-' + a.username;
    var box = el('span', { class: 'row' });
    box.appendChild(el('label', { for: id }, t('accounts.language_of', { username: a.username })));
    var select = el('select', { id: id });
    [['', 'lang.browser'], ['de', 'lang.de'], ['en', 'lang.en']].forEach(function (o) {
      select.appendChild(el('option', { value: o[0] }, t(o[1])));
    });
    select.value = a.language || '';
    select.addEventListener('change', function () {
      S.api('POST', '/console/api/accounts/' + a.username + '/language', { language: select.value || null })
        .then(function () { S.say(t('accounts.language_saved', { username: a.username })); })
        .catch(function (e) { S.say(e.message); });
    });
    box.appendChild(select);
    return box;
  }

  function item(a) {
    var li = el('li');
    li.appendChild(el('p', {}, a.alias + ' (' + a.username + ') · ' + t('role.' + a.role.toLowerCase()) +
      (a.enabled ? '' : ' · ' + t('accounts.disabled')) +
      (a.lockedUntil ? ' · ' + t('accounts.locked_until', { time: lockEnd(a.lockedUntil) }) : '')));
    var toggle = el('button', { type: 'button' }, t(a.enabled ? 'accounts.disable' : 'accounts.enable', { username: a.username }));
    toggle.addEventListener('click', function () {
      S.api('POST', '/console/api/accounts/' + a.username + (a.enabled ? '/disable' : '/enable')).then(load)
        .catch(function (e) { S.say(e.message); });
    });
    var reset = el('button', { type: 'button' }, t('accounts.reset', { username: a.username }));
    reset.addEventListener('click', function () {
      var pw = prompt(t('accounts.reset_prompt', { username: a.username }));
      if (pw) S.api('POST', '/console/api/accounts/' + a.username + '/password', { password: pw })
        .then(function () { S.say(t('accounts.reset_done')); }).catch(function (e) { S.say(e.message); });
    });
    li.appendChild(toggle); li.appendChild(reset);
    if (a.lockedUntil) {
      var unlock = el('button', { type: 'button' }, t('accounts.unlock', { username: a.username }));
      unlock.addEventListener('click', function () {
        S.api('POST', '/console/api/accounts/' + a.username + '/unlock')
          .then(function () { S.say(t('accounts.unlocked', { username: a.username })); load(); })
          .catch(function (e) { S.say(e.message); });
      });
      li.appendChild(unlock);
    }
    li.appendChild(languageChoice(a));
    return li;
  }

  function load() {
    if (window.ScoutlineSessions) window.ScoutlineSessions.refresh(); // names and rosters shown there
    S.api('GET', '/console/api/accounts').then(function (list) {
      var ul = $('accounts'); ul.textContent = '';
      list.forEach(function (a) { ul.appendChild(item(a)); });
    }).catch(function (e) { S.say(e.message); });
  }

  $('account-form').addEventListener('submit', function (e) {
    e.preventDefault();
    S.api('POST', '/console/api/accounts', { username: $('acc-username').value.trim(), alias: $('acc-alias').value.trim(),
      password: $('acc-password').value, role: $('acc-role').value, language: $('acc-language').value || null })
      .then(function () { S.say(t('accounts.created')); e.target.reset(); load(); })
      .catch(function (err) { S.say(err.message); });
  });

  S.accounts = { start: function () { $('accounts-section').hidden = false; load(); }, refresh: load };
}());
