/* Phases: each block (div.phases) holds from data-phases-start to data-phases-until, UTC
   instants, either one absent when open. The one-line script after each block calls
   phasesSettle as soon as the block is parsed, so the first paint is already right (no
   layout shift); while the page stays open, every block is settled again at each boundary,
   and the countdowns of the visible blocks follow the minutes. The visitor's time zone
   plays no part: Date.now() and the instants are all UTC. No live region: a screen reader
   reads the status once, not every minute. Mirrors clock.countdown in Python. */
(function () {
  "use strict";
  var MINUTE = 60 * 1000;
  var LONGEST_WAIT = 6 * 60 * MINUTE;  // timers drift (sleep, background tabs): check again
  var timer = null;

  function plural(count, unit) {
    return count + " " + unit + (count === 1 ? "" : "s");
  }

  /** "18 days", "5 hours", "1 minute": whole days, else hours, else minutes (rounded up). */
  function span(ms) {
    var minutes = Math.max(1, Math.ceil(ms / MINUTE));
    if (minutes >= 24 * 60) return plural(Math.floor(minutes / (24 * 60)), "day");
    if (minutes >= 60) return plural(Math.floor(minutes / 60), "hour");
    return plural(minutes, "minute");
  }

  function instant(element, name) {
    var value = element.getAttribute("data-phases-" + name);
    return value ? Date.parse(value) : NaN;
  }

  function settle(block, now) {
    // A missing side is NaN, and every comparison with NaN is false: that side is open.
    var holds = !(now < instant(block, "start")) && !(now >= instant(block, "until"));
    if (block.hidden === holds) block.hidden = !holds;
    if (!holds) return;
    var countdowns = block.querySelectorAll(".phases-countdown");
    for (var i = 0; i < countdowns.length; i++) {
      var text = span(instant(countdowns[i], "to") - now);
      if (countdowns[i].textContent !== text) countdowns[i].textContent = text;
    }
  }

  window.phasesSettle = function (script) {
    settle(script.previousElementSibling, Date.now());
  };

  function refresh() {
    clearTimeout(timer);
    var now = Date.now();
    var wait = LONGEST_WAIT;
    var blocks = document.querySelectorAll("div.phases");
    for (var i = 0; i < blocks.length; i++) {
      settle(blocks[i], now);
      ["start", "until"].forEach(function (side) {
        var moment = instant(blocks[i], side);
        if (moment > now) wait = Math.min(wait, moment - now);
      });
      if (!blocks[i].hidden && blocks[i].querySelector(".phases-countdown")) {
        wait = Math.min(wait, MINUTE - (now % MINUTE));
      }
    }
    timer = setTimeout(refresh, Math.max(wait, 1));
  }

  document.addEventListener("DOMContentLoaded", refresh);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) refresh();
  });
})();
