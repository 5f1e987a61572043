/* Scoutline console texts: one flat JSON per language (/console/i18n/de.json, en.json), German by default.
 * Load this before every other console script. t('key', { name: 'Sam' }) fills {name}; a key missing in the
 * language shows as the key itself, so that a test can find it. Static HTML: data-i18n="key" sets the text,
 * data-i18n-attr="aria-label=key;placeholder=other.key" sets attributes; I18n.apply(root) fills both. */
(function () {
  'use strict';

  var LANGUAGES = ['de', 'en'];
  var texts = {}, current = 'de';

  // the account's setting if it names one of ours, else the browser's first de/en, else German
  function pick(preferred) {
    if (LANGUAGES.indexOf(preferred) >= 0) return preferred;
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
    for (var i = 0; i < wanted.length; i++) {
      var base = String(wanted[i] || '').slice(0, 2).toLowerCase();
      if (LANGUAGES.indexOf(base) >= 0) return base;
    }
    return 'de';
  }

  // loads a language's texts and fills the page; resolves with the language used
  function use(preferred) {
    var lang = pick(preferred);
    return fetch('/console/i18n/' + lang + '.json', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('texts ' + r.status); return r.json(); })
      .then(function (json) {
        texts = json; current = lang;
        document.documentElement.lang = lang;
        apply(document);
        return lang;
      });
  }

  function has(key) { return Object.prototype.hasOwnProperty.call(texts, key); }

  function t(key, params) {
    var text = has(key) ? texts[key] : key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : all;
    });
  }

  function apply(root) {
    (root || document).querySelectorAll('[data-i18n]').forEach(function (node) {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
    (root || document).querySelectorAll('[data-i18n-attr]').forEach(function (node) {
      node.getAttribute('data-i18n-attr').split(';').forEach(function (pair) {
        var kv = pair.split('=');
        if (kv.length === 2) node.setAttribute(kv[0].trim(), t(kv[1].trim()));
      });
    });
  }

  window.I18n = { use: use, t: t, has: has, apply: apply, lang: function () { return current; },
    languages: LANGUAGES.slice(), pick: pick };
  window.t = t;
}());
