/*
 * Scoutline chat widget loader: embeddable on any page (docs/widget.md).
 *
 *   <script src="https://<host>/widget.js" data-target="#scoutline-chat"
 *           data-locale="de" data-country="AT" data-exit-url="https://www.google.com/search?q=wetter" defer></script>
 *
 * It only opens a frame from the host of its own src (/widget/frame.html): the chat, its socket and its token
 * live there, out of reach of this page's scripts. The two talk through postMessage, with a fixed list of
 * types and the origin checked both ways. This loader sizes, opens and closes the frame and does the quick
 * exit on this page (a click in the frame, or Shift three times in either document). As a floating panel it starts
 * closed: the frame loads hidden, and a new visitor's chat opens its socket only when the launcher opens it.
 * The only global is window.Scoutline = { version }.
 */
(function () {
  'use strict';

  var VERSION = '2.1.0';
  if (window.Scoutline) return; // loaded twice: keep the first one
  var DEFAULT_EXIT_URL = 'https://www.google.com/search?q=wetter';
  var SHIFT_WINDOW_MS = 2000;
  var TEXTS = {
    de: { region: 'Scoutline-Chat', open: 'Chat öffnen', unread: 'Chat öffnen (neue Nachricht)', exit: 'Schnell weg (Exit)', neutral: 'Wetter' },
    en: { region: 'Scoutline chat', open: 'Open chat', unread: 'Open chat (new message)', exit: 'Quick exit', neutral: 'Weather' },
    nl: { region: 'Scoutline-chat', open: 'Chat openen', unread: 'Chat openen (nieuw bericht)', exit: 'Snel weg (exit)', neutral: 'Weer' },
    fr: { region: 'Chat Scoutline', open: 'Ouvrir le chat', unread: 'Ouvrir le chat (nouveau message)', exit: 'Sortie rapide', neutral: 'Météo' },
    ko: { region: 'Scoutline 채팅', open: '채팅 열기', unread: '채팅 열기 (새 메시지)', exit: '빨리 나가기', neutral: '날씨' }
  };

  var script = document.currentScript || (function () {
    var all = document.querySelectorAll('script[src*="widget.js"]');
    return all.length ? all[all.length - 1] : null;
  })();
  var data = (script && script.dataset) || {};
  var home;
  try { home = new URL(script.src, location.href); } catch (e) { return; }
  function lang(v) { v = String(v || '').toLowerCase().slice(0, 2); return TEXTS[v] ? v : null; }
  // the browser's first language we have texts for (the server falls back to its default when the organisation
  // does not offer it)
  function browserLang() {
    var all = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language];
    for (var i = 0; i < all.length; i++) { if (lang(all[i])) return lang(all[i]); }
    return null;
  }
  function httpUrl(v) {
    try { var u = new URL(String(v || '').trim(), document.baseURI); return /^https?:$/.test(u.protocol) ? u.href : null; } catch (e) { return null; }
  }
  // the page's explicit choice first, then the browser's language, then the page's own language
  var locale = lang(data.locale) || browserLang() || lang(document.documentElement.lang) || 'de';
  var t = TEXTS[locale];
  var exitUrl = (data.exitUrl && httpUrl(data.exitUrl)) || DEFAULT_EXIT_URL;
  var country = /^[A-Za-z]{2}$/.test(String(data.country || '').trim()) ? String(data.country).trim().toUpperCase() : null;
  // the token no longer lives on this page: forget what an older widget kept here (never handed on). On
  // Scoutline's own pages this storage is the frame's, so it stays.
  if (location.origin !== home.origin) {
    try { window.localStorage.removeItem('scoutline.token'); } catch (e) { /* ignore */ }
  }

  function el(tag, css, attrs) {
    var n = document.createElement(tag);
    for (var k in css) n.style[k] = css[k];
    for (var a in attrs || {}) n.setAttribute(a, attrs[a]);
    return n;
  }

  function start() {
    var target = null;
    try { target = data.target ? document.querySelector(data.target) : null; } catch (e) { target = null; }
    var floating = !target;
    var query = new URLSearchParams({ parent: location.origin, locale: locale, exit: exitUrl });
    if (country) query.set('country', country);
    if (floating) query.set('float', '1');
    var frame = el('iframe', { display: 'block', width: '100%', height: '100%', border: '0' },
      { src: home.origin + '/widget/frame.html?' + query, title: t.region, id: 'scoutline-frame', allow: 'clipboard-write' });
    var exiting = false;

    function quickExit() {
      if (exiting) return;
      exiting = true;
      try { document.head.appendChild(el('meta', {}, { name: 'referrer', content: 'no-referrer' })); } catch (e) { /* ignore */ }
      try {
        document.title = t.neutral;
        if (document.body) document.documentElement.replaceChild(document.createElement('body'), document.body);
      } catch (e) { /* ignore */ }
      window.location.replace(exitUrl);
    }

    // what the frame may say, only from Scoutline's origin and only from this frame
    function tell(type) { if (frame.contentWindow) frame.contentWindow.postMessage({ scoutline: 1, type: type }, home.origin); }
    window.addEventListener('message', function (e) {
      if (e.origin !== home.origin || e.source !== frame.contentWindow || !e.data || e.data.scoutline !== 1) return;
      if (e.data.type === 'exit') quickExit();
      else if (e.data.type === 'close' && floating) setOpen(false);
      else if (e.data.type === 'unread' && floating && panel.style.display === 'none') launcher.textContent = t.unread;
    });

    // Shift three times within two seconds on this page (a Shift used with another key doesn't count)
    var shifts = [], modifier = false;
    window.addEventListener('keydown', function (e) {
      if (e.key === 'Shift') { if (!e.repeat) modifier = false; return; }
      shifts = [];
      if (e.shiftKey) modifier = true;
    }, true);
    window.addEventListener('keyup', function (e) {
      if (e.key !== 'Shift') return;
      if (modifier) { modifier = false; return; }
      var now = Date.now();
      shifts = shifts.filter(function (ts) { return now - ts < SHIFT_WINDOW_MS; }).concat(now);
      if (shifts.length >= 3) quickExit();
    }, true);

    // a file dropped on this page is never read: the chat only says it won't take it (unless the page handles it)
    function onDrag(e) {
      var dt = e.dataTransfer, types = dt && dt.types ? Array.prototype.slice.call(dt.types) : [];
      if (types.indexOf('Files') < 0 || e.defaultPrevented || (e.target && e.target.type === 'file')) return;
      e.preventDefault();
      if (e.type === 'drop') tell('file');
    }
    ['dragenter', 'dragover', 'drop'].forEach(function (type) { window.addEventListener(type, onDrag); });

    var panel = frame, launcher = null, exitBtn = null;
    function setOpen(open) {
      panel.style.display = open ? 'block' : 'none';
      launcher.parentNode.style.display = open ? 'none' : 'flex';
      launcher.textContent = t.open;
      if (open) tell('opened');
      else launcher.focus();
    }
    if (target) {
      while (target.firstChild) target.removeChild(target.firstChild); // a "needs JavaScript" note goes
      frame.style.minHeight = '440px';
      target.appendChild(frame);
    } else {
      // closed at first: the launcher opens it
      panel = el('div', { display: 'none', position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483000', width: 'min(410px, calc(100vw - 32px))',
        height: 'min(700px, calc(100vh - 32px))', borderRadius: '16px', overflow: 'hidden', boxShadow: '0 10px 30px rgba(20,35,50,.18)' });
      if (window.matchMedia && window.matchMedia('(max-width: 600px)').matches) {
        panel.style.right = panel.style.bottom = '0';
        panel.style.width = '100vw';
        panel.style.height = '100dvh';
        panel.style.borderRadius = '0';
      }
      panel.appendChild(frame);
      var button = { minHeight: '44px', padding: '.45em 1em', borderRadius: '22px', font: '600 16px/1.2 system-ui, sans-serif', cursor: 'pointer' };
      exitBtn = el('button', button, { type: 'button', id: 'scoutline-launcher-exit' });
      exitBtn.style.background = exitBtn.style.borderColor = '#b3261e';
      exitBtn.style.color = '#fff';
      exitBtn.textContent = t.exit;
      exitBtn.addEventListener('click', quickExit);
      launcher = el('button', button, { type: 'button', id: 'scoutline-launcher', 'aria-controls': 'scoutline-frame' });
      launcher.style.background = launcher.style.borderColor = '#1d5e6e';
      launcher.style.color = '#fff';
      launcher.textContent = t.open;
      launcher.addEventListener('click', function () { setOpen(true); });
      var bar = el('div', { position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483000', gap: '.5em', display: 'flex' });
      bar.appendChild(exitBtn);
      bar.appendChild(launcher);
      document.body.appendChild(panel);
      document.body.appendChild(bar);
    }
  }

  window.Scoutline = Object.freeze({ version: VERSION });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
