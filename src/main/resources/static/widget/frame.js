/*
 * Scoutline chat: the page inside the widget's frame (/widget/frame.html), on Scoutline's own origin.
 * The loader /widget.js on the host page opens it and passes, in the URL:
 *   parent   the host page's origin: the only one this page talks to (postMessage, both ways)
 *   locale   de | en;  country  two letters (optional);  exit  the quick exit's URL (used only when
 *            this page is not framed; framed, the loader leaves the host page itself)
 *   float    1 when the loader shows it as a panel it can close
 * The chat, its WebSocket and its token live only here: the host page can't read them.
 * Speaks the WebSocket protocol in docs/widget-protocol.md; docs/widget.md describes the frame.
 * Server text is only ever written with textContent.
 */
(function () {
  'use strict';


  var MAX_CHARS = 2000;            // the server refuses longer text too
  var MAX_FRAME_BYTES = 8192;      // at most 8 KiB a frame
  var TOKEN_KEY = 'scoutline.token';
  var DEFAULT_EXIT_URL = 'https://www.google.com/search?q=wetter';
  var RECONNECT_DELAYS = [1000, 2000, 5000, 10000];
  var IDLE_CLOSE = 4000;           // the server dropped the socket after a while without a frame from here
  var RESEND_WITHIN_MS = 10000;    // frames sent this shortly before a socket closed may not have arrived
  var LONGEST_TIMER_MS = 2147483647;
  var SHIFT_WINDOW_MS = 2000;      // Shift three times within this window: quick exit
  var WAIT_TIMEOUT_MS = 15000;     // re-enable the buttons if no answer comes
  var TYPING_EVERY_MS = 3000;      // while the user types to a scout: at most one `typing` frame this often
  var TYPING_SHOWN_MS = 6000;      // "<scout> is typing…" disappears after this without a new signal
  var LIVE_TOPIC_MAX = 40;         // a longer topic is left out of the live line
  var INTL_LOCALES = { de: 'de-DE', en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE', ko: 'ko-KR' };

  var TEXTS = {
    de: {
      region: 'Scoutline-Chat',
      exit: 'Schnell weg (Exit)',
      exitNote: 'Löscht nicht den Browserverlauf',
      title: 'Scoutline\u00a0· anonym',
      noPhotos: 'Schick bitte keine Fotos.',
      minimize: 'Chat minimieren',
      open: 'Chat öffnen',
      toolbar: 'Aktionen',
      restart: 'Neu starten',
      language: 'Sprache wechseln',
      languageLang: 'de',
      help: 'Hilfe',
      scout: 'Mit einem Scout reden',
      del: 'Meine Daten löschen',
      confirmQ: 'Wirklich alles löschen? Dein Chatverlauf und deine Angaben sind dann sofort weg.',
      confirmYes: 'Ja, löschen',
      confirmNo: 'Abbrechen',
      log: 'Chatverlauf',
      choices: 'Antwortmöglichkeiten',
      input: 'Nachricht',
      placeholder: 'Schreib hier …',
      send: 'Senden',
      limit: 'Höchstens 2000 Zeichen.',
      tooLong: 'Deine Nachricht ist zu lang (mehr als 2000 Zeichen). Kürz sie bitte oder schick sie in Teilen.',
      connecting: 'Verbinde…',
      spkYou: 'Du:',
      spkBot: 'Scoutline:',
      spkScout: 'Scout:',
      spkScoutNamed: '{name} (Scout):',
      spkNotice: 'Hinweis:',
      scoutTag: 'Scout',
      crisisTitle: 'Wichtig – sofort Hilfe',
      crisisShow: 'Hilfe-Nummern ganz zeigen',
      crisisHide: 'Hilfe-Nummern einklappen',
      step: 'Schritt',
      planMore: 'Mehr zu deinem Plan',
      copyPlan: 'Plan als Text kopieren',
      copied: 'Kopiert. Du kannst den Plan jetzt woanders einfügen.',
      copyFailed: 'Kopieren hat nicht geklappt. Der Text ist markiert – kopier ihn selbst.',
      planTitle: 'Dein Plan von Scoutline',
      fileLocal: 'Bilder und Dateien werden nicht gesendet. Wir brauchen sie nicht – bitte behalte sie für dich.',
      error: 'Das hat gerade nicht geklappt. Versuch es bitte nochmal.',
      scoutTyping: '{name} schreibt…',
      liveOpen: 'Jetzt live: Scouts antworten bis {until}\u00a0Uhr',
      liveOpenNoTime: 'Jetzt live: Scouts antworten',
      liveBusy: 'Eine Live-Session läuft bis {until}\u00a0Uhr, aber die Scouts können gerade keine neuen Chats annehmen.',
      liveBusyNoTime: 'Eine Live-Session läuft, aber die Scouts können gerade keine neuen Chats annehmen.',
      liveNext: 'Nächste Live-Session: {date}, {from}–{to}\u00a0Uhr',
      liveNone: 'Gerade ist keine Live-Session geplant. Der Bot ist jederzeit für dich da.',
      neutralTitle: 'Wetter'
    },
    en: {
      region: 'Scoutline chat',
      exit: 'Quick exit',
      exitNote: 'Doesn\u2019t clear your browser history',
      title: 'Scoutline\u00a0· anonymous',
      noPhotos: 'Please don\u2019t send photos.',
      minimize: 'Minimise chat',
      open: 'Open chat',
      toolbar: 'Actions',
      restart: 'Start over',
      language: 'Switch language',
      languageLang: 'en',
      help: 'Help',
      scout: 'Talk to a scout',
      del: 'Delete my data',
      confirmQ: 'Really delete everything? Your chat and your answers will be gone right away.',
      confirmYes: 'Yes, delete',
      confirmNo: 'Cancel',
      log: 'Chat',
      choices: 'Answer options',
      input: 'Message',
      placeholder: 'Type here …',
      send: 'Send',
      limit: 'At most 2,000 characters.',
      tooLong: 'Your message is too long (more than 2,000 characters). Please shorten it or send it in parts.',
      connecting: 'Connecting…',
      spkYou: 'You:',
      spkBot: 'Scoutline:',
      spkScout: 'Scout:',
      spkScoutNamed: '{name} (Scout):',
      spkNotice: 'Note:',
      scoutTag: 'Scout',
      crisisTitle: 'Important – help right now',
      crisisShow: 'Show the help numbers in full',
      crisisHide: 'Collapse the help numbers',
      step: 'Step',
      planMore: 'More about your plan',
      copyPlan: 'Copy plan as text',
      copied: 'Copied. You can paste your plan somewhere else now.',
      copyFailed: 'Copying didn\u2019t work. The text is selected – copy it yourself.',
      planTitle: 'Your plan from Scoutline',
      fileLocal: 'Pictures and files are not sent. We don\u2019t need them – please keep them to yourself.',
      error: 'That didn\u2019t work just now. Please try again.',
      scoutTyping: '{name} is typing…',
      liveOpen: 'Live now: scouts answer until {until}',
      liveOpenNoTime: 'Live now: scouts are answering',
      liveBusy: 'A live session runs until {until}, but the scouts can\u2019t take new chats right now.',
      liveBusyNoTime: 'A live session is running, but the scouts can\u2019t take new chats right now.',
      liveNext: 'Next live session: {date}, {from}–{to}',
      liveNone: 'No live session is scheduled right now. The bot is here any time.',
      neutralTitle: 'Weather'
    },
    nl: {
      region: 'Scoutline-chat',
      exit: 'Snel weg (exit)',
      exitNote: 'Wist je browsergeschiedenis niet',
      title: 'Scoutline\u00a0· anoniem',
      noPhotos: 'Stuur alsjeblieft geen foto\u2019s.',
      minimize: 'Chat verkleinen',
      open: 'Chat openen',
      toolbar: 'Acties',
      restart: 'Opnieuw beginnen',
      language: 'Taal wisselen',
      languageLang: 'nl',
      help: 'Hulp',
      scout: 'Met een scout praten',
      del: 'Mijn gegevens wissen',
      confirmQ: 'Echt alles wissen? Je chat en je antwoorden zijn dan meteen weg.',
      confirmYes: 'Ja, wissen',
      confirmNo: 'Annuleren',
      log: 'Chat',
      choices: 'Antwoorden',
      input: 'Bericht',
      placeholder: 'Schrijf hier …',
      send: 'Versturen',
      limit: 'Hoogstens 2.000 tekens.',
      tooLong: 'Je bericht is te lang (meer dan 2.000 tekens). Maak het korter of stuur het in delen.',
      connecting: 'Verbinden…',
      spkYou: 'Jij:',
      spkBot: 'Scoutline:',
      spkScout: 'Scout:',
      spkScoutNamed: '{name} (scout):',
      spkNotice: 'Let op:',
      scoutTag: 'Scout',
      crisisTitle: 'Belangrijk – nu hulp',
      crisisShow: 'Hulpnummers helemaal tonen',
      crisisHide: 'Hulpnummers inklappen',
      step: 'Stap',
      planMore: 'Meer over je plan',
      copyPlan: 'Plan als tekst kopiëren',
      copied: 'Gekopieerd. Je kunt je plan nu ergens anders plakken.',
      copyFailed: 'Kopiëren is niet gelukt. De tekst is geselecteerd – kopieer hem zelf.',
      planTitle: 'Je plan van Scoutline',
      fileLocal: 'Foto\u2019s en bestanden worden niet verstuurd. We hebben ze niet nodig – hou ze voor jezelf.',
      error: 'Dat lukte net niet. Probeer het nog eens.',
      scoutTyping: '{name} typt…',
      liveOpen: 'Nu live: scouts antwoorden tot {until}\u00a0u.',
      liveOpenNoTime: 'Nu live: scouts antwoorden',
      liveBusy: 'Er loopt een livesessie tot {until}\u00a0u., maar de scouts kunnen nu geen nieuwe chats aannemen.',
      liveBusyNoTime: 'Er loopt een livesessie, maar de scouts kunnen nu geen nieuwe chats aannemen.',
      liveNext: 'Volgende livesessie: {date}, {from}–{to}\u00a0u.',
      liveNone: 'Er is nu geen livesessie gepland. De bot is er altijd voor je.',
      neutralTitle: 'Weer'
    },
    fr: {
      region: 'Chat Scoutline',
      exit: 'Sortie rapide',
      exitNote: 'N\u2019efface pas l\u2019historique du navigateur',
      title: 'Scoutline\u00a0· anonyme',
      noPhotos: 'N\u2019envoie pas de photos, s\u2019il te plaît.',
      minimize: 'Réduire le chat',
      open: 'Ouvrir le chat',
      toolbar: 'Actions',
      restart: 'Recommencer',
      language: 'Changer de langue',
      languageLang: 'fr',
      help: 'Aide',
      scout: 'Parler à un·e scout',
      del: 'Effacer mes données',
      confirmQ: 'Vraiment tout effacer ? Ton chat et tes réponses disparaissent tout de suite.',
      confirmYes: 'Oui, effacer',
      confirmNo: 'Annuler',
      log: 'Chat',
      choices: 'Réponses possibles',
      input: 'Message',
      placeholder: 'Écris ici …',
      send: 'Envoyer',
      limit: '2 000 caractères au maximum.',
      tooLong: 'Ton message est trop long (plus de 2 000 caractères). Raccourcis-le ou envoie-le en plusieurs fois.',
      connecting: 'Connexion…',
      spkYou: 'Toi :',
      spkBot: 'Scoutline :',
      spkScout: 'Scout :',
      spkScoutNamed: '{name} (scout) :',
      spkNotice: 'Info :',
      scoutTag: 'Scout',
      crisisTitle: 'Important – de l\u2019aide maintenant',
      crisisShow: 'Voir tous les numéros d\u2019aide',
      crisisHide: 'Replier les numéros d\u2019aide',
      step: 'Étape',
      planMore: 'Plus sur ton plan',
      copyPlan: 'Copier le plan en texte',
      copied: 'Copié. Tu peux coller ton plan ailleurs maintenant.',
      copyFailed: 'La copie n\u2019a pas marché. Le texte est sélectionné – copie-le toi-même.',
      planTitle: 'Ton plan de Scoutline',
      fileLocal: 'Les photos et fichiers ne sont pas envoyés. On n\u2019en a pas besoin – garde-les pour toi.',
      error: 'Ça n\u2019a pas marché. Réessaie, s\u2019il te plaît.',
      scoutTyping: '{name} écrit…',
      liveOpen: 'En direct : les scouts répondent jusqu\u2019à {until}',
      liveOpenNoTime: 'En direct : les scouts répondent',
      liveBusy: 'Une session en direct a lieu jusqu\u2019à {until}, mais les scouts ne peuvent pas prendre de nouveaux chats pour l\u2019instant.',
      liveBusyNoTime: 'Une session en direct a lieu, mais les scouts ne peuvent pas prendre de nouveaux chats pour l\u2019instant.',
      liveNext: 'Prochaine session en direct : {date}, {from}–{to}',
      liveNone: 'Aucune session en direct n\u2019est prévue pour l\u2019instant. Le bot est là à tout moment.',
      neutralTitle: 'Météo'
    },
    ko: {
      region: 'Scoutline 채팅',
      exit: '빨리 나가기',
      exitNote: '브라우저 기록은 지워지지 않아요',
      title: 'Scoutline\u00a0· 익명',
      noPhotos: '사진은 보내지 말아 주세요.',
      minimize: '채팅 최소화',
      open: '채팅 열기',
      toolbar: '메뉴',
      restart: '처음부터',
      language: '언어 바꾸기',
      languageLang: 'ko',
      help: '도움말',
      scout: '스카우트와 대화',
      del: '내 정보 지우기',
      confirmQ: '정말 모두 지울까요? 채팅과 답한 내용이 바로 사라져요.',
      confirmYes: '네, 지울게요',
      confirmNo: '취소',
      log: '채팅',
      choices: '답 고르기',
      input: '메시지',
      placeholder: '여기에 써 주세요 …',
      send: '보내기',
      limit: '최대 2,000자.',
      tooLong: '메시지가 너무 길어요(2,000자 초과). 줄이거나 나눠서 보내 주세요.',
      connecting: '연결 중…',
      spkYou: '나:',
      spkBot: 'Scoutline:',
      spkScout: '스카우트:',
      spkScoutNamed: '{name} (스카우트):',
      spkNotice: '알림:',
      scoutTag: '스카우트',
      crisisTitle: '중요 – 지금 도움받기',
      crisisShow: '도움 번호 모두 보기',
      crisisHide: '도움 번호 접기',
      step: '단계',
      planMore: '계획 더 보기',
      copyPlan: '계획을 글로 복사',
      copied: '복사했어요. 이제 다른 곳에 붙여 넣을 수 있어요.',
      copyFailed: '복사가 안 됐어요. 글이 선택돼 있으니 직접 복사해 주세요.',
      planTitle: 'Scoutline이 드리는 계획',
      fileLocal: '사진과 파일은 보내지지 않아요. 저희는 필요 없으니 간직해 주세요.',
      error: '방금은 잘 안 됐어요. 다시 해 주세요.',
      scoutTyping: '{name} 님이 쓰는 중…',
      liveOpen: '지금 라이브: {until}까지 스카우트가 답해요',
      liveOpenNoTime: '지금 라이브: 스카우트가 답해요',
      liveBusy: '{until}까지 라이브 중이지만, 지금은 스카우트가 새 채팅을 받을 수 없어요.',
      liveBusyNoTime: '라이브 중이지만, 지금은 스카우트가 새 채팅을 받을 수 없어요.',
      liveNext: '다음 라이브: {date}, {from}–{to}',
      liveNone: '지금은 예정된 라이브가 없어요. 봇은 언제든 있어요.',
      neutralTitle: '날씨'
    }
  };


  /* ---------- configuration from the frame's URL ---------- */

  function normLocale(v) {
    v = String(v || '').trim().toLowerCase();
    var two = v.slice(0, 2);
    return TEXTS[two] ? two : null;
  }

  function safeHttpUrl(v) {
    if (!v) return null;
    try {
      var u = new URL(String(v).trim(), document.baseURI);
      return (u.protocol === 'https:' || u.protocol === 'http:') ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  // the origin the loader said it runs on: nothing else is trusted, and it must be the real parent
  function parentOrigin(v) {
    if (window.parent === window || !v) return null;
    var origin;
    try {
      var u = new URL(String(v));
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
      origin = u.origin;
    } catch (e) { return null; }
    var ancestors = location.ancestorOrigins;
    if (ancestors && ancestors.length && ancestors[0] !== origin) return null;
    return origin;
  }

  var params = new URLSearchParams(location.search);
  var config = {
    locale: normLocale(params.get('locale')) || 'de',
    exitUrl: safeHttpUrl(params.get('exit')) || DEFAULT_EXIT_URL,
    country: /^[A-Za-z]{2}$/.test(String(params.get('country') || '').trim()) ? String(params.get('country')).trim().toUpperCase() : null,
    parent: parentOrigin(params.get('parent')),
    floating: params.get('float') === '1',
    wsUrl: (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host + '/chat/ws'
  };

  // the fixed list of what the loader may be told and may tell this page (docs/widget.md)
  function tellParent(type) {
    if (config.parent) window.parent.postMessage({ scoutline: 1, type: type }, config.parent);
  }

  /* ---------- small helpers ---------- */

  function h(tag, props) {
    var n = document.createElement(tag);
    if (props) {
      for (var k in props) {
        if (!Object.prototype.hasOwnProperty.call(props, k)) continue;
        var v = props[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') n.className = v;
        else if (k === 'text') n.textContent = v;
        else n.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return n;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function uuid() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === 'function') {
      try { return c.randomUUID(); } catch (e) { /* insecure context: fall through */ }
    }
    var b = new Uint8Array(16);
    if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
    else for (var i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = [];
    for (var j = 0; j < 16; j++) hex.push((b[j] + 0x100).toString(16).slice(1));
    return hex.slice(0, 4).join('') + '-' + hex.slice(4, 6).join('') + '-' + hex.slice(6, 8).join('') + '-' +
      hex.slice(8, 10).join('') + '-' + hex.slice(10).join('');
  }

  // The token lives in this frame's localStorage (Scoutline's origin; the host page can't read it). Where the
  // browser denies a frame on another site its storage, it lives in memory and in a partitioned, HttpOnly
  // cookie that only this origin gets, per host site (/widget/token), so that a reload still continues.
  var memoryToken = null;
  var storage = (function () {
    try { var s = window.localStorage; s.getItem(TOKEN_KEY); return s; } catch (e) { return null; }
  })();
  function cookieCall(method, body) {
    if (storage || typeof fetch !== 'function') return Promise.resolve(null);
    var init = { method: method, credentials: 'same-origin', cache: 'no-store', keepalive: method !== 'GET' };
    if (body) { init.headers = { 'Content-Type': 'application/json' }; init.body = JSON.stringify(body); }
    return fetch('/widget/token', init).then(function (r) { return r.ok && method === 'GET' ? r.json() : null; })
      .catch(function () { return null; });
  }
  var tokenStore = {
    load: function (done) {
      if (storage) { done(); return; }
      cookieCall('GET').then(function (j) {
        if (j && typeof j.token === 'string' && !memoryToken) memoryToken = j.token;
        done();
      });
    },
    get: function () {
      if (storage) { try { return storage.getItem(TOKEN_KEY) || null; } catch (e) { /* fall through */ } }
      return memoryToken;
    },
    set: function (v) {
      var changed = v !== memoryToken;
      memoryToken = v;
      if (storage) { try { storage.setItem(TOKEN_KEY, v); } catch (e) { /* full: keep it in memory */ } }
      else if (changed) cookieCall('PUT', { token: v });
    },
    remove: function () {
      memoryToken = null;
      if (storage) { try { storage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ } }
      else cookieCall('DELETE');
    }
  };

  function byteLength(s) {
    if (typeof TextEncoder === 'function') return new TextEncoder().encode(s).length;
    return unescape(encodeURIComponent(s)).length;
  }

  /* ---------- links and phone numbers in bot text (DOM nodes only) ---------- */

  var TLDS = 'de|at|ch|org|com|net|eu|uk|ie|be|nl|fr|it|ca|au|kr|us|gov|info|io|app|help';
  var LINK_RE = new RegExp(
    '(https?:\\/\\/[^\\s<>"]+)' +                                                        // 1: http(s) URL
    '|(www\\.[^\\s<>"]+)' +                                                              // 2: www.
    '|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})' +           // 3: e-mail
    '|((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+(?:' + TLDS + ')(?![A-Za-z0-9-])(?:\\/[^\\s<>"]*)?)' + // 4: bare domain
    '|(\\+?\\d+(?:(?:[ \\-\\/]|\\s?\\(\\d{1,4}\\)\\s?)\\d+)*)',                          // 5: phone candidate
    'gi');
  var SHORT_NUMBERS = { '110': 1, '112': 1, '911': 1, '999': 1, '988': 1, '000': 1, '113': 1, '117': 1, '143': 1, '144': 1, '147': 1, '111': 1, '101': 1,
    '142': 1, '1813': 1, '3114': 1, '3018': 1, '119': 1, '102': 1, '103': 1, '1388': 1, '109': 1 };

  function trimUrl(u) {
    for (;;) {
      var last = u.charAt(u.length - 1);
      if (/[.,;:!?'"\u00bb\u201c\u201d\u2019\]]/.test(last)) { u = u.slice(0, -1); continue; }
      if (last === ')' && (u.split('(').length - 1) < (u.split(')').length - 1)) { u = u.slice(0, -1); continue; }
      return u;
    }
  }

  function phoneHref(s, before, after) {
    if (/[A-Za-z0-9]/.test(before) || /[A-Za-z0-9]/.test(after)) return null;
    if (/^\d{1,2}[\/-]\d{1,2}[\/-]\d{2,4}$/.test(s)) return null; // a date
    var digits = s.replace(/\D/g, '');
    var plus = s.charAt(0) === '+';
    var ok =
      (plus && digits.length >= 7) ||
      (/^0/.test(s) && digits.length >= 6) ||
      /^116[ -]?\d{3}$/.test(s) ||
      /^1[ -]?8\d\d[ -]?\d{3}[ -]?\d{4}$/.test(s) ||
      /^1[38]00(?:[ -]?\d){6}$/.test(s) ||          // 1800 55 1800, 1800 66 66 66 (AU, IE)
      /^13 ?\d\d ?\d\d$/.test(s) ||                 // 13 11 14 (AU)
      (SHORT_NUMBERS[s] === 1);
    if (!ok) return null;
    if (plus || /^00/.test(s)) digits = s.replace(/\(0\)/, '').replace(/\D/g, '');
    return 'tel:' + (plus ? '+' : '') + digits;
  }

  function link(href, text, external) {
    var a = h('a', { href: href, text: text });
    if (external) {
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener noreferrer');
    }
    return a;
  }

  function richText(text) {
    var frag = document.createDocumentFragment();
    var pos = 0;
    var m;
    LINK_RE.lastIndex = 0;
    while ((m = LINK_RE.exec(text)) !== null) {
      var start = m.index;
      var raw = m[0];
      var node = null;
      if (m[1] || m[2] || m[4]) {
        raw = trimUrl(raw);
        var before = text.charAt(start - 1);
        if (m[4] && /[@\/.\w-]/.test(before)) { node = null; }
        else {
          var href = m[1] ? raw : 'https://' + raw;
          var safe = safeHttpUrl(href);
          if (safe && /^https?:\/\//i.test(href)) node = link(safe, raw, true);
        }
      } else if (m[3]) {
        node = link('mailto:' + raw, raw, false);
      } else if (m[5]) {
        var tel = phoneHref(raw, text.charAt(start - 1), text.charAt(start + raw.length));
        if (tel) node = link(tel, raw, false);
      }
      if (!raw.length) { LINK_RE.lastIndex = start + 1; continue; }
      if (node) {
        if (start > pos) frag.appendChild(document.createTextNode(text.slice(pos, start)));
        frag.appendChild(node);
        pos = start + raw.length;
      }
      LINK_RE.lastIndex = start + raw.length;
    }
    if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
    return frag;
  }

  /* ---------- the widget ---------- */

  function start() {
    var locale = config.locale;
    var t = function (key) { return (TEXTS[locale] && TEXTS[locale][key]) || TEXTS.de[key] || key; };
    var bindings = []; // [node, attribute or 'text', key]
    function bind(node, attr, key) {
      bindings.push([node, attr, key]);
      return node;
    }

    var floating = config.floating;

    /* DOM: quick exit first in the tab order */
    var exitNote = bind(h('p', { id: 'scoutline-exit-note', class: 'sl-exitnote' }), 'text', 'exitNote');
    var exitBtn = bind(h('button', { type: 'button', id: 'scoutline-exit', class: 'sl-exit', 'aria-describedby': 'scoutline-exit-note' }), 'text', 'exit');
    var minBtn = floating ? h('button', { type: 'button', class: 'sl-min', text: '\u2013' }) : null;
    var head = h('div', { class: 'sl-head' },
      h('div', { class: 'sl-exitwrap' }, exitBtn, exitNote),
      h('div', { class: 'sl-brand' },
        bind(h('h2', { class: 'sl-title' }), 'text', 'title'),
        bind(h('p', { class: 'sl-nophotos' }), 'text', 'noPhotos')),
      minBtn);

    // is a scout answering now, or when next: filled by the server's `schedule` frames
    var live = h('p', { class: 'sl-live scoutline-live', id: 'scoutline-live', role: 'status', 'aria-live': 'polite', hidden: true });

    var pinned = h('div', { class: 'sl-pinned', id: 'scoutline-pinned' });

    function tool(cls, key, id) {
      return bind(h('button', { type: 'button', class: 'sl-tool ' + cls, id: id, tabindex: '-1' }), 'text', key);
    }
    var restartBtn = tool('sl-tool--restart', 'restart', 'scoutline-restart');
    var langBtn = tool('sl-tool--lang', 'language', 'scoutline-language');
    var helpBtn = tool('sl-tool--help', 'help', 'scoutline-help');
    var scoutBtn = tool('sl-tool--scout', 'scout', 'scoutline-scout');
    var delBtn = tool('sl-tool--del', 'del', 'scoutline-delete');
    delBtn.setAttribute('aria-expanded', 'false');
    delBtn.setAttribute('aria-controls', 'scoutline-confirm');
    var toolButtons = [restartBtn, langBtn, helpBtn, scoutBtn, delBtn];
    restartBtn.setAttribute('tabindex', '0');
    var tools = bind(h('div', { class: 'sl-tools', role: 'toolbar', 'aria-orientation': 'horizontal' },
      restartBtn, langBtn, helpBtn, scoutBtn, delBtn), 'aria-label', 'toolbar');

    var confirmYes = bind(h('button', { type: 'button', class: 'sl-btn sl-btn--danger', id: 'scoutline-confirm-yes' }), 'text', 'confirmYes');
    var confirmNo = bind(h('button', { type: 'button', class: 'sl-btn', id: 'scoutline-confirm-no' }), 'text', 'confirmNo');
    var confirmBox = h('div', { class: 'sl-confirm', id: 'scoutline-confirm', role: 'group', 'aria-labelledby': 'scoutline-confirm-q', hidden: true },
      bind(h('p', { id: 'scoutline-confirm-q' }), 'text', 'confirmQ'),
      h('div', { class: 'sl-confirm-actions' }, confirmYes, confirmNo));

    var log = bind(h('div', { class: 'sl-log', id: 'scoutline-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' }), 'aria-label', 'log');
    var status = h('div', { class: 'sl-status', id: 'scoutline-status', role: 'status' });
    // "<scout> is typing…": a transient status line, never a message in the log
    var scoutTyping = h('div', { class: 'sl-status sl-scouttyping', id: 'scoutline-scout-typing', 'aria-live': 'polite' });
    var typing = h('div', { class: 'sl-typing', 'aria-hidden': 'true', hidden: true }, h('span'), h('span'), h('span'));
    var choices = bind(h('div', { class: 'sl-choices', id: 'scoutline-choices', role: 'group', hidden: true }), 'aria-label', 'choices');

    var input = bind(h('textarea', { id: 'scoutline-input', class: 'sl-input', rows: '1', autocomplete: 'off', spellcheck: 'true',
      'aria-describedby': 'scoutline-limit scoutline-hint', enterkeyhint: 'send' }), 'placeholder', 'placeholder');
    var counter = h('span', { class: 'sl-counter', id: 'scoutline-counter', 'aria-hidden': 'true', text: '0 / ' + MAX_CHARS });
    var sendBtn = bind(h('button', { type: 'submit', class: 'sl-send', id: 'scoutline-send', disabled: true }), 'text', 'send');
    var hint = h('p', { class: 'sl-hint', id: 'scoutline-hint', 'aria-live': 'polite' });
    var form = h('form', { class: 'sl-form', id: 'scoutline-form', novalidate: true },
      h('div', { class: 'sl-labelrow' },
        bind(h('label', { for: 'scoutline-input', class: 'sl-label' }), 'text', 'input'),
        counter,
        bind(h('span', { id: 'scoutline-limit', class: 'sl-sr' }), 'text', 'limit')),
      input, sendBtn, hint);

    var root = bind(h('section', { class: 'scoutline', id: 'scoutline', lang: locale },
      head, live, pinned, tools, confirmBox, log, status, scoutTyping, typing, choices, form), 'aria-label', 'region');

    function applyLocale(next) {
      if (!TEXTS[next]) return;
      locale = next;
      root.setAttribute('lang', locale);
      for (var i = 0; i < bindings.length; i++) {
        var b = bindings[i];
        if (b[1] === 'text') b[0].textContent = t(b[2]);
        else b[0].setAttribute(b[1], t(b[2]));
      }
      langBtn.setAttribute('lang', t('languageLang'));
      if (minBtn) updateMinBtn();
      if (!usable()) status.textContent = t('connecting');
      renderLive();
      updateCounter();
    }

    /* ---------- state ---------- */
    var ws = null;
    var connected = false;      // a `ready` arrived on the current socket
    var attempt = 0;
    var retryTimer = null;
    var exiting = false;
    var afterDelete = false;    // the next `ready` clears the pinned crisis cards
    var waiting = false;
    var waitTimer = null;
    var choicesHadFocus = false;
    var entries = [];           // keys of the server-known messages shown, in order
    var lastFileNotice = 0;
    var withScout = false;      // a scout holds the chat: the user's typing is signalled to them
    var lastTypingSent = 0;
    var scoutTypingTimer = null;
    var liveFrame = null;       // the last `schedule` frame, shown again in a new language
    // Resuming after a lost connection: every frame that shows stored lines carries the `seq` of the last one.
    var lastSeq = null;         // the highest seq shown; the next hello asks for what came after it
    var seqToken = null;        // the token lastSeq belongs to
    var readySeq = 0;           // every line up to here came with the last `ready`
    var seenSeqs = {};          // seqs of the frames shown since (a frame from another instance may overtake one)
    var echoes = [];            // what the user sent since the last `ready`, shown at once: not again from a resume
    // Fewer sockets: a new visitor's chat connects once it is shown; a socket the server dropped as idle stays closed
    // while only the bot talks, until the user acts (docs/widget.md, "Connection").
    var lazy = false;           // not connected yet on purpose: waits until the chat is shown
    var dormant = false;        // dropped as idle on purpose: looks usable; the next action connects again
    var inQueue = false;        // the buttons offer leave_queue: the user waits for a scout
    var outbox = [];            // what the user did while dormant, for the next `ready`: { frame, node, text }
    var sentLately = [];        // frames sent on the current socket: { frame, at }
    var resend = [];            // frames sent shortly before a socket closed: again after the next `ready` (same id)
    var liveTimer = null;       // while dormant: wakes when the live line's time is up

    /* ---------- rendering ---------- */
    function keyOf(from, kind, text) {
      return from === 'user' ? 'user\u0000' + text : from + '\u0000' + (kind || 'text') + '\u0000' + text;
    }

    function speaker(key) {
      return h('span', { class: 'sl-sr', text: t(key) + ' ' });
    }

    // the phone numbers of a crisis card, in order, each once: [text, tel: href]
    function phoneNumbers(text) {
      var out = [];
      var seen = {};
      var m;
      LINK_RE.lastIndex = 0;
      while ((m = LINK_RE.exec(text)) !== null) {
        if (!m[0].length) { LINK_RE.lastIndex = m.index + 1; continue; }
        if (m[5]) {
          var tel = phoneHref(m[0], text.charAt(m.index - 1), text.charAt(m.index + m[0].length));
          if (tel && !seen[tel]) { seen[tel] = 1; out.push([m[0], tel]); }
        }
      }
      return out;
    }

    // One crisis card stays pinned above the log: the latest. Once the user has seen it (they answer, or it comes
    // back from the history) it folds to one line with its numbers, so that the log, the answers and the message
    // box keep their room on a phone; its title is a real button that unfolds it again.
    function pinCrisis(text, folded) {
      var current = pinned.querySelector('.sl-crisis');
      if (current && current.getAttribute('data-text') === text) return current;
      clear(pinned);
      var body = h('div', { class: 'sl-crisis-body', id: 'scoutline-crisis-body' }, richText(text));
      var toggle = h('button', { type: 'button', class: 'sl-crisis-toggle', id: 'scoutline-crisis-toggle',
        'aria-controls': 'scoutline-crisis-body', 'aria-expanded': 'true' },
        bind(h('span', { class: 'sl-crisis-title', text: t('crisisTitle') }), 'text', 'crisisTitle'));
      var numbers = h('span', { class: 'sl-crisis-numbers', id: 'scoutline-crisis-numbers' });
      var list = phoneNumbers(text);
      for (var i = 0; i < list.length; i++) {
        if (i > 0) numbers.appendChild(document.createTextNode(' \u00b7 '));
        numbers.appendChild(link(list[i][1], list[i][0], false));
      }
      var card = h('div', { class: 'sl-crisis', role: 'alert' }, h('div', { class: 'sl-crisis-bar' }, toggle, numbers), body);
      card.setAttribute('data-text', text);
      toggle.addEventListener('click', function () { foldCrisis(toggle.getAttribute('aria-expanded') === 'true'); });
      pinned.appendChild(card);
      foldCrisis(!!folded);
      return card;
    }

    function foldCrisis(fold) {
      var toggle = pinned.querySelector('.sl-crisis-toggle');
      if (!toggle) return;
      var numbers = pinned.querySelector('.sl-crisis-numbers');
      pinned.querySelector('.sl-crisis-body').hidden = fold;
      numbers.hidden = !fold || !numbers.firstChild;
      toggle.setAttribute('aria-expanded', fold ? 'false' : 'true');
      toggle.setAttribute('title', t(fold ? 'crisisShow' : 'crisisHide'));
      toggle.setAttribute('aria-describedby', 'scoutline-crisis-numbers');
    }

    function addEmergency(text, seen) {
      var n = h('div', { class: 'sl-msg sl-msg--emergency', role: seen ? null : 'alert' }, speaker('spkBot'),
        h('span', { class: 'sl-text' }, richText(text)));
      log.appendChild(n);
      return n;
    }

    function planStep(text) {
      var list = log.lastElementChild;
      if (!list || !list.classList.contains('sl-plan')) {
        // the plan's first line comes right before its steps: shown as their caption
        if (list && list.classList.contains('sl-msg--bot')) list.classList.add('sl-msg--lead');
        list = h('ol', { class: 'sl-plan', role: 'list' });
        log.appendChild(list);
      }
      var n = list.children.length + 1;
      var lead = /^\s*(\d{1,2})[.)]\s+/.exec(text);
      if (lead) { n = parseInt(lead[1], 10); text = text.slice(lead[0].length); }
      // one action, then (after a line break) at most one line of why
      var cut = text.indexOf('\n');
      var action = cut < 0 ? text : text.slice(0, cut);
      var why = cut < 0 ? '' : text.slice(cut + 1).trim();
      var li = h('li', { class: 'sl-msg sl-msg--plan', value: String(n) },
        h('span', { class: 'sl-step' }, h('span', { class: 'sl-sr', text: t('step') + ' ' }), String(n)),
        h('span', { class: 'sl-text' }, h('span', { class: 'sl-action' }, richText(action)), ' ',
          why ? h('span', { class: 'sl-why' }, richText(why)) : null));
      li.setAttribute('data-text', text);
      list.appendChild(li);
      return li;
    }

    var sectionCount = 0;

    // The plan's sections arrive after its More line: each is folded, a heading with a real button
    // (aria-expanded) whose name is the section's title; the copy action comes last.
    function planSection(text) {
      var more = log.lastElementChild;
      if (!more || !more.classList.contains('sl-more')) {
        // the More line comes right before the sections: shown as their caption
        if (more && more.classList.contains('sl-msg--bot')) more.classList.add('sl-msg--lead');
        more = h('div', { class: 'sl-more', role: 'group' });
        more.setAttribute('aria-label', t('planMore'));
        var copyBtn = h('button', { type: 'button', class: 'sl-copy', text: t('copyPlan') });
        var copied = h('span', { class: 'sl-copied', role: 'status', 'aria-live': 'polite' });
        copyBtn.addEventListener('click', function () { copyPlan(more, copied); });
        more.appendChild(h('div', { class: 'sl-copyrow' }, copyBtn, copied));
        log.appendChild(more);
      }
      var cut = text.indexOf('\n');
      var title = cut < 0 ? text : text.slice(0, cut);
      var body = cut < 0 ? '' : text.slice(cut + 1).trim();
      var id = 'scoutline-section-' + (++sectionCount);
      var btn = h('button', { type: 'button', class: 'sl-disclose', 'aria-expanded': 'false', 'aria-controls': id },
        h('span', { class: 'sl-chevron', 'aria-hidden': 'true', text: '\u25B8' }), h('span', { text: title }));
      var panel = h('div', { class: 'sl-section-body', id: id, hidden: true }, richText(body));
      btn.addEventListener('click', function () {
        var open = btn.getAttribute('aria-expanded') !== 'true';
        btn.setAttribute('aria-expanded', open ? 'true' : 'false');
        panel.hidden = !open;
      });
      var section = h('div', { class: 'sl-section' }, h('h3', null, btn), panel);
      section.setAttribute('data-title', title);
      section.setAttribute('data-body', body);
      more.insertBefore(section, more.lastElementChild);
      return section;
    }

    // The plan as plain text: its intro, the numbered steps and every section. Nothing else (no token, no ids).
    function planText(more) {
      var list = more.previousElementSibling;
      while (list && !(list.classList.contains('sl-plan'))) list = list.previousElementSibling;
      var parts = [t('planTitle')];
      if (list) {
        var intro = list.previousElementSibling;
        var introText = intro && intro.classList.contains('sl-msg--bot') ? intro.querySelector('.sl-text') : null;
        if (introText) parts.push(introText.textContent);
        var steps = [];
        var items = list.querySelectorAll('li');
        for (var i = 0; i < items.length; i++) {
          steps.push((i + 1) + '. ' + String(items[i].getAttribute('data-text') || '').replace(/\n/g, '\n   '));
        }
        parts.push(steps.join('\n'));
        // what follows the steps (a check-in), up to the More line right before the sections
        for (var after = list.nextElementSibling; after && after !== more && after.nextElementSibling !== more;
          after = after.nextElementSibling) {
          var afterText = after.classList.contains('sl-msg--bot') ? after.querySelector('.sl-text') : null;
          if (afterText) parts.push(afterText.textContent);
        }
      }
      var sections = more.querySelectorAll('.sl-section');
      for (var j = 0; j < sections.length; j++) {
        parts.push(sections[j].getAttribute('data-title') + '\n' + sections[j].getAttribute('data-body'));
      }
      return parts.join('\n\n');
    }

    function copyPlan(more, copied) {
      var text = planText(more);
      var done = function () { copied.textContent = t('copied'); };
      var fallback = function () {
        // older browsers: copy from a text field; if even that fails, leave it there, selected, to copy by hand
        var area = more.querySelector('.sl-copytext') || h('textarea', { class: 'sl-input sl-copytext', readonly: true, rows: '6' });
        area.setAttribute('aria-label', t('copyPlan'));
        area.value = text;
        if (!area.parentNode) copied.parentNode.appendChild(area);
        area.focus();
        area.select();
        var ok = false;
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        if (ok) area.parentNode.removeChild(area);
        copied.textContent = ok ? t('copied') : t('copyFailed');
      };
      if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    }

    function addNotice(text) {
      var n = h('div', { class: 'sl-msg sl-msg--notice' }, speaker('spkNotice'), h('span', { class: 'sl-text' }, richText(text)));
      log.appendChild(n);
      return n;
    }

    // from: user | bot | scout; kind: text | emergency | crisis | plan | notice; seen: shown before (history);
    // name: the alias of the scout who wrote it ("Lena"), when the server names them
    function addMessage(from, text, kind, seen, name) {
      from = from === 'user' || from === 'scout' ? from : 'bot';
      text = text === null || text === undefined ? '' : String(text);
      kind = kind || 'text';
      entries.push(keyOf(from, kind, text));
      if (from === 'user') {
        var u = h('div', { class: 'sl-msg sl-msg--user' }, speaker('spkYou'), h('span', { class: 'sl-text', text: text }));
        log.appendChild(u);
        return u;
      }
      if (kind === 'crisis') return pinCrisis(text, seen);
      if (kind === 'emergency') return addEmergency(text, seen);
      if (kind === 'plan') return planStep(text);
      if (kind === 'section') return planSection(text);
      if (kind === 'notice') return addNotice(text);
      if (from === 'scout') {
        var named = typeof name === 'string' && name ? name : null;
        var s = h('div', { class: 'sl-msg sl-msg--scout' },
          h('span', { class: 'sl-tag', 'aria-hidden': 'true', text: named || t('scoutTag') }),
          named ? h('span', { class: 'sl-sr', text: t('spkScoutNamed').replace('{name}', named) + ' ' }) : speaker('spkScout'),
          h('span', { class: 'sl-text' }, richText(text)));
        log.appendChild(s);
        return s;
      }
      var b = h('div', { class: 'sl-msg sl-msg--bot' }, speaker('spkBot'), h('span', { class: 'sl-text' }, richText(text)));
      log.appendChild(b);
      return b;
    }

    function clearLog() {
      clear(log);
      entries = [];
    }

    function reduceMotion() {
      return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
    }

    // Show the first new node at the top if the batch is long, else scroll to the bottom.
    function reveal(firstNew) {
      var max = log.scrollHeight - log.clientHeight;
      var top = max;
      if (firstNew && firstNew !== log && log.contains(firstNew)) {
        var y = log.scrollTop + firstNew.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
        top = Math.min(max, Math.max(0, Math.round(y)));
      }
      if (typeof log.scrollTo === 'function') log.scrollTo({ top: top, behavior: reduceMotion() ? 'auto' : 'smooth' });
      else log.scrollTop = top;
    }

    function renderChoices(list) {
      var active = document.activeElement;
      var hadFocus = choices.contains(active) || (choicesHadFocus && (!active || active === document.body));
      choicesHadFocus = false;
      clear(choices);
      list = Array.isArray(list) ? list : [];
      for (var i = 0; i < list.length; i++) {
        var c = list[i];
        if (!c || c.id === null || c.id === undefined) continue;
        var label = String(c.label !== null && c.label !== undefined ? c.label : c.id);
        var btn = h('button', { type: 'button', class: 'sl-choice', 'data-choice': String(c.id), text: label });
        btn.disabled = !usable();
        btn.addEventListener('click', pickChoice.bind(null, String(c.id), label));
        choices.appendChild(btn);
      }
      choices.hidden = !choices.firstChild;
      inQueue = list.some(function (c) { return c && c.id === 'leave_queue'; });
      var last = log.lastElementChild;
      choices.classList.toggle('sl-choices--row', !!last && (last.classList.contains('sl-more') || last.classList.contains('sl-plan')));
      if (hadFocus) {
        if (choices.firstChild) choices.firstChild.focus();
        else input.focus();
      }
    }

    function setChoicesEnabled(on) {
      var bs = choices.querySelectorAll('button');
      for (var i = 0; i < bs.length; i++) bs[i].disabled = !on;
    }

    function setWaiting(on) {
      waiting = on;
      clearTimeout(waitTimer);
      typing.hidden = !on;
      setChoicesEnabled(!on && usable());
      if (on) waitTimer = setTimeout(function () { setWaiting(false); }, WAIT_TIMEOUT_MS);
    }

    // connected, or dormant: what the user does is sent now, or after the reconnect it starts
    function usable() {
      return connected || dormant;
    }

    function setConnected(on) {
      connected = on;
      if (on) { dormant = false; lazy = false; }
      renderConnection();
    }

    function renderConnection() {
      var on = usable();
      status.textContent = on ? '' : t('connecting');
      for (var i = 0; i < toolButtons.length; i++) toolButtons[i].disabled = !on;
      confirmYes.disabled = !on;
      setChoicesEnabled(on && !waiting);
      if (!on) { typing.hidden = true; hideScoutTyping(); }
      updateCounter();
    }

    function updateCounter() {
      var len = input.value.length;
      var over = len > MAX_CHARS;
      counter.textContent = len + ' / ' + MAX_CHARS;
      counter.classList.toggle('is-over', over);
      if (over) {
        input.setAttribute('aria-invalid', 'true');
        if (hint.textContent !== t('tooLong')) hint.textContent = t('tooLong');
      } else {
        input.removeAttribute('aria-invalid');
        if (hint.textContent) hint.textContent = '';
      }
      sendBtn.disabled = over || !usable();
    }

    function autosize() {
      input.style.height = 'auto';
      input.style.height = Math.min(input.scrollHeight + 4, 140) + 'px';
    }

    /* ---------- transport ---------- */
    function sendFrame(frame) {
      if (!ws || ws.readyState !== 1) return false;
      var json = JSON.stringify(frame);
      if (byteLength(json) > MAX_FRAME_BYTES) return false;
      try { ws.send(json); } catch (e) { return false; }
      if (frame.id) {
        var now = Date.now();
        sentLately = sentLately.filter(function (s) { return now - s.at < RESEND_WITHIN_MS; });
        sentLately.push({ frame: frame, at: now });
      }
      return true;
    }

    // while dormant: the action is kept (its bubble shown, if it has one) and sent once the socket it opens is ready
    function later(frame, node, text) {
      outbox.push({ frame: frame, node: node, text: text });
      wake();
      return true;
    }

    // The socket closed: what it sent in its last seconds may have been lost on the way, so it goes again after the
    // next `ready`, with the same id (the server ignores a message it has had: nothing shows twice).
    function keepForResend() {
      var now = Date.now();
      resend = resend.concat(sentLately.filter(function (s) { return now - s.at < RESEND_WITHIN_MS; })
        .map(function (s) { return s.frame; }));
      sentLately = [];
    }

    // After a `ready`: first what may have been lost, then what the user did meanwhile, its bubble after the lines
    // the `ready` brought.
    function sendWaiting(queued) {
      var again = resend;
      resend = [];
      for (var i = 0; i < again.length; i++) sendFrame(again[i]);
      var waits = false;
      for (var j = 0; j < queued.length; j++) {
        var q = queued[j];
        if (!sendFrame(q.frame)) { outbox.push(q); continue; }
        waits = true;
        if (q.text !== null) echoed(q.text);
      }
      for (var k = 0; k < queued.length; k++) {
        if (queued[k].node) { log.appendChild(queued[k].node); entries.push(keyOf('user', 'text', queued[k].text)); }
      }
      if (waits) setWaiting(true);
    }

    // the bubbles of what waits in the outbox leave the log while a `ready` draws it, and come back after it
    function detach(queued) {
      for (var i = 0; i < queued.length; i++) {
        var n = queued[i].node;
        if (!n) continue;
        if (n.parentNode) n.parentNode.removeChild(n);
        var k = entries.lastIndexOf(keyOf('user', 'text', queued[i].text));
        if (k >= 0) entries.splice(k, 1);
      }
    }

    // The chat is shown for the first time (the loader opened its panel, or the page shows it), or the user acts on
    // it (focus, a tap, typing, opening the panel): a socket not opened yet, or dropped as idle, opens now. A socket
    // lost by accident keeps its own schedule.
    function wake() {
      if (exiting || ws || retryTimer || !(lazy || dormant)) return;
      connect();
    }

    // whether the user can see the chat: the tab is visible and the frame has a size (the loader's closed panel
    // hides the frame, which leaves it without one)
    function shown() {
      return document.visibilityState !== 'hidden' && window.innerWidth > 0 && window.innerHeight > 0;
    }

    // Dropped as idle while only the bot talks: nothing alarming, no socket, the buttons stay usable. The live line
    // stays, and when its time is up (the session ends or the next one starts) the widget looks again.
    function sleep() {
      dormant = true;
      renderConnection();
      clearTimeout(liveTimer);
      var at = liveBoundary(liveFrame);
      var wait = at === null ? -1 : at.getTime() - Date.now();
      if (at !== null && wait > 0 && wait < LONGEST_TIMER_MS) {
        liveTimer = setTimeout(function () { liveTimer = null; if (shown()) wake(); }, Math.max(0, wait) + 1000);
      }
    }

    // the page's country, the browser's time zone and language: the server's best guess of where the user is,
    // to show the right crisis lines first (kept in memory on the server, never stored)
    function helloFrame(token) {
      var zone = null;
      try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch (e) { zone = null; }
      return { type: 'hello', token: token, locale: locale, country: config.country, timeZone: zone,
        language: (navigator.language || '').slice(0, 35) || null };
    }

    function hello() {
      var token = tokenStore.get() || null;
      var frame = helloFrame(token);
      // back after a lost connection: only what came after the last line shown
      if (token && token === seqToken && lastSeq !== null) frame.seq = lastSeq;
      sendFrame(frame);
    }

    // whether a frame with this seq shows something new (frames without one always do)
    function fresh(seq) {
      return typeof seq !== 'number' || (seq > readySeq && !seenSeqs[seq]);
    }

    function saw(seq) {
      if (typeof seq !== 'number') return;
      seenSeqs[seq] = true;
      if (lastSeq === null || seq > lastSeq) lastSeq = seq;
    }

    function echoed(text) {
      echoes.push(text);
      if (echoes.length > 50) echoes.shift();
    }

    function connect() {
      if (exiting) return;
      clearTimeout(retryTimer);
      retryTimer = null;
      clearTimeout(liveTimer);
      liveTimer = null;
      if (ws && (ws.readyState === 0 || ws.readyState === 1)) return;
      lazy = false;
      connected = false;
      renderConnection();
      var sock;
      try { sock = new WebSocket(config.wsUrl); } catch (e) { scheduleReconnect(); return; }
      ws = sock;
      sock.onopen = function () { if (ws === sock) hello(); };
      sock.onmessage = function (ev) {
        if (ws !== sock || typeof ev.data !== 'string') return;
        var f;
        try { f = JSON.parse(ev.data); } catch (e) { return; }
        if (f && typeof f === 'object') handle(f);
      };
      sock.onclose = function (ev) {
        if (ws !== sock) return;
        ws = null;
        keepForResend();
        if (ev && ev.code === IDLE_CLOSE && !exiting) {
          connected = false;
          // waiting for a scout, or talking to one: back at once, so that what they send arrives; else later
          if (withScout || inQueue) { dormant = true; attempt = 0; connect(); }
          else sleep();
          return;
        }
        dormant = false;
        setConnected(false);
        scheduleReconnect();
      };
      sock.onerror = function () { /* a close event follows */ };
    }

    function scheduleReconnect() {
      if (exiting || retryTimer) return;
      var delay = RECONNECT_DELAYS[Math.min(attempt, RECONNECT_DELAYS.length - 1)];
      attempt++;
      retryTimer = setTimeout(function () { retryTimer = null; connect(); }, delay);
    }

    function reconnectNow() {
      if (!exiting && !ws && retryTimer) connect();
    }

    function handle(f) {
      if (f.locale && normLocale(f.locale) && normLocale(f.locale) !== locale && (f.type === 'ready' || f.type === 'bot')) {
        applyLocale(normLocale(f.locale));
      }
      // an answer of the server's own (not a push of the handover): what was sent before it has arrived
      if (f.type === 'error' || f.type === 'deleted' || (f.type === 'bot' && !Object.prototype.hasOwnProperty.call(f, 'scout'))) {
        sentLately = [];
      }
      switch (f.type) {
        case 'ready': onReady(f); break;
        case 'bot': onBot(f); break;
        case 'error': onError(f); break;
        case 'deleted': onDeleted(f); break;
        case 'typing': onScoutTyping(f); break;
        case 'schedule': onSchedule(f); break;
        default: break;
      }
    }

    function onReady(f) {
      if (typeof f.token === 'string' && f.token) tokenStore.set(f.token);
      if (afterDelete) { clear(pinned); afterDelete = false; }
      var queued = outbox;
      outbox = [];
      detach(queued);
      var hist = Array.isArray(f.history) ? f.history : [];
      if (f.resumed === true && lastSeq !== null && typeof f.seq === 'number') resumeFrom(hist);
      else showHistory(hist);
      readySeq = typeof f.seq === 'number' ? f.seq : 0;
      lastSeq = typeof f.seq === 'number' ? f.seq : null;
      seqToken = lastSeq === null ? null : tokenStore.get();
      seenSeqs = {};
      echoes = [];
      attempt = 0;
      withScout = f.scout === true;
      hideScoutTyping();
      setConnected(true);
      setWaiting(false);
      renderChoices(f.choices);
      sendWaiting(queued);
      reveal(null);
    }

    // the lines written while the connection was gone, after what is shown: each once, in order; the user's own
    // messages are shown already
    function resumeFrom(hist) {
      for (var i = 0; i < hist.length; i++) {
        var m = hist[i] || {};
        if (!fresh(m.seq)) continue;
        saw(m.seq);
        var text = m.text === null || m.text === undefined ? '' : String(m.text);
        var echo = m.from === 'user' ? echoes.indexOf(text) : -1;
        if (echo >= 0) { echoes.splice(echo, 1); continue; }
        addMessage(m.from, text, m.kind);
      }
    }

    function showHistory(hist) {
      var keys = [];
      for (var i = 0; i < hist.length; i++) {
        var m = hist[i] || {};
        var from = m.from === 'user' || m.from === 'scout' ? m.from : 'bot';
        keys.push(keyOf(from, m.kind || 'text', m.text === null || m.text === undefined ? '' : String(m.text)));
      }
      var prefix = entries.length <= keys.length;
      for (var j = 0; prefix && j < entries.length; j++) if (entries[j] !== keys[j]) prefix = false;
      if (!prefix) {
        // the server's history differs from what is shown: render it again, without
        // making screen readers read the whole conversation out a second time
        clearLog();
        log.setAttribute('aria-live', 'off');
        setTimeout(function () { log.setAttribute('aria-live', 'polite'); }, 300);
      }
      log.setAttribute('aria-busy', 'true');
      for (var k = entries.length; k < hist.length; k++) {
        var hm = hist[k] || {};
        addMessage(hm.from, hm.text, hm.kind, true, hm.name);
      }
      log.setAttribute('aria-busy', 'false');
    }

    function onBot(f) {
      // shown already (with the last `ready`, or a repeat): nothing again
      if (!fresh(f.seq)) return;
      saw(f.seq);
      var msgs = Array.isArray(f.messages) ? f.messages : [];
      var first = null;
      for (var i = 0; i < msgs.length; i++) {
        var m = msgs[i] || {};
        var node = addMessage(m.from === 'scout' ? 'scout' : 'bot', m.text, m.kind, false, m.name);
        if (!first && log.contains(node)) first = node;
        if (m.from === 'scout') withScout = true;
      }
      if (typeof f.scout === 'boolean') withScout = f.scout;
      hideScoutTyping();
      setWaiting(false);
      if (Object.prototype.hasOwnProperty.call(f, 'choices')) renderChoices(f.choices);
      reveal(first);
      // the loader's panel is closed: its launcher says that something new came
      if (config.floating && msgs.length && !shown()) tellParent('unread');
    }

    function onError(f) {
      var n = addNotice(typeof f.message === 'string' && f.message ? f.message : t('error'));
      setWaiting(false);
      reveal(n);
    }

    function onScoutTyping(f) {
      var name = typeof f.name === 'string' && f.name ? f.name : t('scoutTag');
      withScout = true;
      scoutTyping.textContent = t('scoutTyping').replace('{name}', name);
      clearTimeout(scoutTypingTimer);
      scoutTypingTimer = setTimeout(hideScoutTyping, TYPING_SHOWN_MS);
    }

    function hideScoutTyping() {
      clearTimeout(scoutTypingTimer);
      scoutTypingTimer = null;
      if (scoutTyping.textContent) scoutTyping.textContent = '';
    }

    // at most one `typing` frame every TYPING_EVERY_MS, and only while a scout holds the chat
    function userTyping() {
      if (!withScout || !connected || !input.value.trim()) return;
      var now = Date.now();
      if (now - lastTypingSent < TYPING_EVERY_MS) return;
      if (sendFrame({ type: 'typing' })) lastTypingSent = now;
    }

    /* ---------- live line ---------- */
    function onSchedule(f) {
      if (f.state !== 'open' && f.state !== 'busy' && f.state !== 'closed') return;
      liveFrame = f;
      renderLive();
    }

    function parseTime(v) {
      if (typeof v !== 'string' || !v) return null;
      var d = new Date(v);
      return isNaN(d.getTime()) ? null : d;
    }

    // in the browser's own time zone and the widget's language
    function formatTime(d, options) {
      try {
        return new Intl.DateTimeFormat(INTL_LOCALES[locale] || locale, options).format(d);
      } catch (e) {
        return d.toISOString().slice(0, 16).replace('T', ' ');
      }
    }

    function clock(d) {
      return formatTime(d, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }

    function liveText(f) {
      var until = parseTime(f.until);
      if (f.state === 'open') return until ? t('liveOpen').replace('{until}', clock(until)) : t('liveOpenNoTime');
      if (f.state === 'busy') return until ? t('liveBusy').replace('{until}', clock(until)) : t('liveBusyNoTime');
      var next = Array.isArray(f.next) ? f.next : [];
      for (var i = 0; i < next.length; i++) {
        var n = next[i] || {};
        var from = parseTime(n.start);
        var to = parseTime(n.end);
        if (!from || !to) continue;
        var text = t('liveNext')
          .replace('{date}', formatTime(from, { weekday: 'short', day: 'numeric', month: 'short' }))
          .replace('{from}', clock(from))
          .replace('{to}', clock(to));
        var topic = typeof n.topic === 'string' ? n.topic.trim() : '';
        return topic && topic.length <= LIVE_TOPIC_MAX ? text + ' (' + topic + ')' : text;
      }
      return t('liveNone');
    }

    // when the live line stops being true by the clock: the running session's end, or the next one's start
    function liveBoundary(f) {
      if (!f) return null;
      if (f.state === 'open' || f.state === 'busy') return parseTime(f.until);
      var next = Array.isArray(f.next) ? f.next : [];
      for (var i = 0; i < next.length; i++) {
        var from = parseTime(next[i] && next[i].start);
        if (from) return from;
      }
      return null;
    }

    function renderLive() {
      if (!liveFrame) return;
      var text = liveText(liveFrame);
      if (live.textContent !== text) live.textContent = text;
      live.setAttribute('data-state', liveFrame.state);
      live.hidden = false;
    }

    function onDeleted(f) {
      withScout = false;
      lastSeq = null;
      seqToken = null;
      readySeq = 0;
      seenSeqs = {};
      echoes = [];
      outbox = [];
      resend = [];
      sentLately = [];
      hideScoutTyping();
      tokenStore.remove();
      clearLog();
      renderChoices([]);
      input.value = '';
      autosize();
      updateCounter();
      hideConfirm(false);
      afterDelete = true;
      setWaiting(false);
      if (typeof f.message === 'string' && f.message) addNotice(f.message);
      sendFrame(helloFrame(null));
    }

    /* ---------- user actions ---------- */
    function pickChoice(id, label) {
      if (!usable() || waiting) return;
      var frame = { type: 'choice', id: uuid(), choice: id };
      if (connected && !sendFrame(frame)) return;
      foldCrisis(true);
      choicesHadFocus = choices.contains(document.activeElement);
      var node = addMessage('user', label);
      if (connected) echoed(label);
      else later(frame, node, label);
      setWaiting(true);
      if (choicesHadFocus) {
        // the tapped button is about to be disabled: keep the focus in the answer area
        choices.setAttribute('tabindex', '-1');
        choices.focus();
      }
      reveal(node);
    }

    function command(name) {
      if (!usable()) return;
      var frame = { type: 'command', id: uuid(), command: name };
      if (connected ? sendFrame(frame) : later(frame, null, null)) { foldCrisis(true); setWaiting(true); }
    }

    function submitText() {
      var raw = input.value;
      updateCounter();
      if (raw.length > MAX_CHARS || !usable()) return;
      var text = raw.trim();
      if (!text) return;
      var frame = { type: 'text', id: uuid(), text: text };
      if (byteLength(JSON.stringify(frame)) > MAX_FRAME_BYTES) { hint.textContent = t('tooLong'); return; }
      if (connected && !sendFrame(frame)) return;
      foldCrisis(true);
      input.value = '';
      autosize();
      updateCounter();
      var node = addMessage('user', text);
      if (connected) echoed(text);
      else later(frame, node, text);
      setWaiting(true);
      reveal(node);
    }

    function refuseFile() {
      var now = Date.now();
      if (now - lastFileNotice < 1500) return;
      lastFileNotice = now;
      var notice = { type: 'file', id: uuid() };
      if (connected ? sendFrame(notice) : dormant && later(notice, null, null)) { setWaiting(true); return; }
      reveal(addNotice(t('fileLocal')));
    }

    function showConfirm() {
      confirmBox.hidden = false;
      delBtn.setAttribute('aria-expanded', 'true');
      confirmNo.focus();
    }

    function hideConfirm(returnFocus) {
      if (confirmBox.hidden) return;
      confirmBox.hidden = true;
      delBtn.setAttribute('aria-expanded', 'false');
      if (returnFocus) focusTool(delBtn);
    }

    function setRoving(btn) {
      for (var i = 0; i < toolButtons.length; i++) toolButtons[i].setAttribute('tabindex', toolButtons[i] === btn ? '0' : '-1');
    }

    function focusTool(btn) {
      setRoving(btn);
      if (!btn.disabled) btn.focus();
    }

    /* ---------- quick exit ---------- */
    function quickExit(ev) {
      if (ev && ev.preventDefault) ev.preventDefault();
      if (exiting) return;
      exiting = true;
      clearTimeout(retryTimer);
      try { if (ws) { ws.onclose = null; ws.close(); } } catch (e) { /* ignore */ }
      // framed: the loader replaces the host page (the frame goes with it)
      tellParent('exit');
      try {
        var meta = document.createElement('meta');
        meta.name = 'referrer';
        meta.content = 'no-referrer'; // the neutral site does not learn where the person came from
        (document.head || document.documentElement).appendChild(meta);
      } catch (e) { /* ignore */ }
      try {
        document.title = t('neutralTitle');
        var blank = document.createElement('body');
        if (document.body) document.documentElement.replaceChild(blank, document.body);
        else document.documentElement.appendChild(blank);
      } catch (e) { /* ignore */ }
      if (window.parent === window) window.location.replace(config.exitUrl);
      // framed by a page that did not say who it is: leave the whole tab if the browser lets us
      else if (!config.parent) { try { window.top.location.replace(config.exitUrl); } catch (e) { /* ignore */ } }
    }

    var shiftTimes = [];
    var shiftUsedAsModifier = false;
    function onKeyDown(e) {
      if (e.key === 'Shift') {
        if (!e.repeat) shiftUsedAsModifier = false;
        return;
      }
      shiftTimes = [];               // any other key breaks the sequence
      if (e.shiftKey) shiftUsedAsModifier = true;
    }
    function onKeyUp(e) {
      if (e.key !== 'Shift') return;
      if (shiftUsedAsModifier) { shiftUsedAsModifier = false; return; }
      var now = Date.now();
      shiftTimes = shiftTimes.filter(function (ts) { return now - ts < SHIFT_WINDOW_MS; });
      shiftTimes.push(now);
      if (shiftTimes.length >= 3) { shiftTimes = []; quickExit(); }
    }

    /* ---------- files: never read, never sent ---------- */
    function hasFiles(dt) {
      if (!dt) return false;
      try {
        if (dt.files && dt.files.length) return true;
        var types = dt.types ? Array.prototype.slice.call(dt.types) : [];
        for (var i = 0; i < types.length; i++) if (types[i] === 'Files' || /^image\//i.test(types[i])) return true;
        var items = dt.items ? Array.prototype.slice.call(dt.items) : [];
        for (var j = 0; j < items.length; j++) if (items[j].kind === 'file' || /^image\//i.test(items[j].type)) return true;
      } catch (e) { /* ignore */ }
      return false;
    }
    function isHostFileInput(el) {
      return el && el.nodeType === 1 && el.tagName === 'INPUT' && el.type === 'file' && !root.contains(el);
    }
    function onDrag(e) {
      if (!hasFiles(e.dataTransfer)) return;
      var inside = root.contains(e.target);
      if (!inside && (e.defaultPrevented || isHostFileInput(e.target))) return; // the host page handles its own uploads
      e.preventDefault();
      if (e.type === 'drop') refuseFile();
    }
    function onPaste(e) {
      if (!hasFiles(e.clipboardData)) return;
      e.preventDefault();
      e.stopPropagation();
      refuseFile();
    }

    /* ---------- wiring ---------- */
    exitBtn.addEventListener('click', quickExit);
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('dragenter', onDrag);
    window.addEventListener('dragover', onDrag);
    window.addEventListener('drop', onDrag);
    root.addEventListener('paste', onPaste, true);

    restartBtn.addEventListener('click', function () { hideConfirm(false); command('restart'); });
    langBtn.addEventListener('click', function () { hideConfirm(false); command('language'); });
    helpBtn.addEventListener('click', function () { hideConfirm(false); command('help'); });
    scoutBtn.addEventListener('click', function () { hideConfirm(false); command('scout'); });
    delBtn.addEventListener('click', function () { if (confirmBox.hidden) showConfirm(); else hideConfirm(true); });
    confirmNo.addEventListener('click', function () { hideConfirm(true); });
    confirmYes.addEventListener('click', function () { hideConfirm(true); command('delete'); });
    confirmBox.addEventListener('keydown', function (e) { if (e.key === 'Escape') { e.preventDefault(); hideConfirm(true); } });

    tools.addEventListener('focusin', function (e) {
      if (toolButtons.indexOf(e.target) >= 0) setRoving(e.target);
    });
    tools.addEventListener('keydown', function (e) {
      var enabled = toolButtons.filter(function (b) { return !b.disabled; });
      var i = enabled.indexOf(document.activeElement);
      if (i < 0 || !enabled.length) return;
      var next = null;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = enabled[(i + 1) % enabled.length];
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = enabled[(i - 1 + enabled.length) % enabled.length];
      else if (e.key === 'Home') next = enabled[0];
      else if (e.key === 'End') next = enabled[enabled.length - 1];
      if (next) { e.preventDefault(); focusTool(next); }
    });

    choices.addEventListener('blur', function () { choices.removeAttribute('tabindex'); });

    input.addEventListener('input', function () { updateCounter(); autosize(); userTyping(); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        submitText();
      }
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); submitText(); });

    // the panel's close button: the loader hides the frame and shows its launcher
    function updateMinBtn() { minBtn.setAttribute('aria-label', t('minimize')); }
    if (minBtn) minBtn.addEventListener('click', function () { tellParent('close'); });

    // what the loader may say: nothing but these, and only from the parent origin named in the URL
    window.addEventListener('message', function (e) {
      if (!config.parent || e.origin !== config.parent || e.source !== window.parent) return;
      var m = e.data;
      if (!m || typeof m !== 'object' || m.scoutline !== 1) return;
      if (m.type === 'opened') { wake(); if (!input.disabled) input.focus(); }
      else if (m.type === 'file') refuseFile();
    });

    window.addEventListener('online', reconnectNow);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState !== 'visible') return;
      reconnectNow();
      if (shown()) wake();
    });
    // the loader's panel opens: the frame gets a size
    window.addEventListener('resize', function () { if (lazy && shown()) wake(); });
    // the user's next action brings a dropped socket back before it has anything to send
    root.addEventListener('focusin', wake);
    root.addEventListener('pointerdown', wake);
    input.addEventListener('input', wake);
    window.addEventListener('pagehide', function (e) {
      if (!e.persisted && ws) { try { ws.onclose = null; ws.close(); } catch (x) { /* ignore */ } }
    });
    window.addEventListener('pageshow', function (e) { if (e.persisted && !ws) { attempt = 0; connect(); } });

    /* ---------- mount ---------- */
    document.body.appendChild(root);
    applyLocale(locale);
    setConnected(false);
    // with a token there is a conversation: connected from the start, for what the queue or a scout sends; a new
    // visitor's chat connects once it is shown
    tokenStore.load(function () {
      if (tokenStore.get() || shown()) connect();
      else lazy = true;
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
