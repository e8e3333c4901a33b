// The journal's live pages (progressive: without this script every page works on reload).
// 1. Server-Sent Events from /events say "something changed"; the page is fetched again and each element marked
//    data-live is swapped for its new version (forms outside them keep what the user is typing).
// 2. The message field shows how many characters are typed out of the limit.
(function () {
  'use strict';
  var counterFor = function (text) {
    var counter = document.getElementById(text.getAttribute('aria-describedby').split(' ')[0]);
    var max = Number(text.getAttribute('data-max'));
    var update = function () {
      var n = text.value.length;
      counter.textContent = n + ' / ' + max + (n > max ? ' — слишком длинное, сократите на ' + (n - max) : '');
      counter.className = n > max ? 'counter error' : 'counter';
    };
    text.addEventListener('input', update);
    update();
  };
  document.querySelectorAll('textarea[data-max]').forEach(counterFor);

  if (!window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var main = document.querySelector('main');
  var url = (main && main.getAttribute('data-url')) || location.href;
  var pending = null;
  var refresh = function () {
    fetch(url, {credentials: 'same-origin'}).then(function (response) {
      return response.ok && !response.redirected ? response.text() : null;
    }).then(function (html) {
      if (!html) {
        return;
      }
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      document.querySelectorAll('[data-live]').forEach(function (old) {
        var next = fresh.getElementById(old.id);
        if (next) {
          old.replaceWith(document.importNode(next, true));
        }
      });
    }).catch(function () { /* the next change tries again */ });
  };
  var source = new EventSource('/events');
  source.addEventListener('change', function () {
    clearTimeout(pending);
    pending = setTimeout(refresh, 150);
  });
  source.addEventListener('open', function () {
    document.body.setAttribute('data-live-connected', 'true');
  });
})();
