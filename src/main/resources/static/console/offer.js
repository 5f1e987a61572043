/* Scoutline console: the chat offered to this scout (scoutline.handover.assignment=offer). The offer arrives on
 * /user/queue/offers, shows who is waiting and a countdown, and is accepted with one click; declined or run out, it
 * goes on to the next scout. console.js calls listen() on every (re)connect. */
(function () {
  'use strict';

  var S = window.Scoutline, $ = S.$;
  var offer = null, timer = null;

  function hide() {
    clearInterval(timer); timer = null; offer = null;
    $('offer').hidden = true;
  }

  function tick() {
    if (!offer) return;
    var left = Math.max(0, Math.ceil((offer.until - Date.now()) / 1000));
    $('offer-countdown').textContent = t('offer.countdown', { s: left });
    if (left <= 0) { hide(); S.say(t('offer.expired')); }
  }

  function show(conversation, expiresIn) {
    clearInterval(timer);
    offer = { conversation: conversation, until: Date.now() + expiresIn };
    $('offer-about').textContent = '';
    S.api('GET', '/console/api/queue').then(function (list) {
      var c = list.filter(function (q) { return q.id === conversation; })[0];
      if (!c || !offer || offer.conversation !== conversation) return;
      $('offer-about').textContent = S.flag(c) + S.chatName(c) + (c.words && c.words.line ? ' · ' + c.words.line : '');
    }).catch(function () {});
    $('offer').hidden = false;
    tick();
    timer = setInterval(tick, 1000);
    S.say(t('offer.arrived'));
    if (S.tone) S.tone();
    $('offer-accept').focus();
  }

  function listen(client) {
    client.subscribe('/user/queue/offers', function (f) {
      var e = JSON.parse(f.body);
      if (e.type === 'offered') show(e.conversation, e.expiresIn);
    });
    // the offered chat went elsewhere (claimed by hand, left, erased): the offer is gone
    client.subscribe('/topic/queue', function (f) {
      var e = JSON.parse(f.body);
      if (offer && e.conversation === offer.conversation && e.type !== 'queued') hide();
    });
    S.api('GET', '/console/api/offer').then(function (o) {
      if (o.offer && o.offer.conversation) show(o.offer.conversation, o.offer.expiresIn);
    }).catch(function () {});
  }

  $('offer-accept').addEventListener('click', function () {
    if (!offer) return;
    var id = offer.conversation;
    S.api('POST', '/console/api/offer/' + id + '/accept').then(function () {
      hide(); S.say(t('offer.accepted')); S.chat.open(id); S.refresh();
    }).catch(function (err) { hide(); S.say(err.message); S.refresh(); });
  });
  $('offer-decline').addEventListener('click', function () {
    if (!offer) return;
    var id = offer.conversation;
    S.api('POST', '/console/api/offer/' + id + '/decline').then(function () { hide(); S.say(t('offer.declined')); })
      .catch(function (err) { hide(); S.say(err.message); });
  });

  S.offer = { listen: listen };
}());
