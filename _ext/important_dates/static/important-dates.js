/* Important dates in the visitor's own time: each entry marked passed / next / upcoming,
   a countdown to the next one, and its moment in the visitor's time zone. Everything is
   computed from the UTC instants in the data- attributes, never from the build date: the
   site is static and may be rebuilt rarely. The text replaced here has its space reserved
   in important-dates.css, so nothing below it moves. */
(() => {
  "use strict";

  const MINUTE = 60 * 1000;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  const format = new Intl.DateTimeFormat("en-US", {
    weekday: "long", month: "long", day: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });

  /** "Tuesday, May 17, 13:59" in the visitor's time zone. */
  const clock = (ms) => {
    const part = {};
    for (const { type, value } of format.formatToParts(new Date(ms))) part[type] = value;
    return `${part.weekday}, ${part.month} ${part.day}, ${part.hour}:${part.minute}`;
  };

  const instants = (entry) => {
    const start = Date.parse(entry.dataset.datesStart);
    const end = Date.parse(entry.dataset.datesEnd);
    const kind = entry.dataset.datesKind;
    // A deadline counts down to the end of its day, an event to its start.
    return { start, end, kind, moment: kind === "deadline" ? end : start };
  };

  const localTime = ({ start, end, kind }) => {
    if (kind === "deadline") return clock(end - MINUTE);
    if (kind === "day") return `${clock(start)} to ${clock(end - MINUTE)}`;
    return clock(start);
  };

  const plural = (count, unit) => `${count} ${unit}${count === 1 ? "" : "s"}`;

  /** "3 days, 4 hours", "4 hours, 12 minutes", "12 minutes". */
  const span = (ms) => {
    const minutes = Math.max(1, Math.ceil(ms / MINUTE));
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    if (days) return `${plural(days, "day")}, ${plural(hours, "hour")}`;
    if (hours) return `${plural(hours, "hour")}, ${plural(minutes % 60, "minute")}`;
    return plural(minutes, "minute");
  };

  const label = (entry) => entry.querySelector(".dates-label strong").textContent;

  const countdown = (next, now) => {
    if (!next) return "All these dates have passed.";
    const { moment, end } = instants(next);
    if (now < moment) return `Next: ${label(next)}, in ${span(moment - now)}.`;
    return `Now: ${label(next)}, until ${clock(end - MINUTE)} in your time zone.`;
  };

  const update = (block) => {
    const now = Date.now();
    const entries = [...block.querySelectorAll(".dates-entry[data-dates-end]")];
    const open = entries.filter((entry) => now < instants(entry).end);
    const next = open.reduce((best, entry) =>
      !best || instants(entry).end < instants(best).end ? entry : best, null);
    for (const entry of entries) {
      const state = entry === next ? "next" : open.includes(entry) ? "upcoming" : "passed";
      entry.dataset.datesState = state;
      const badge = document.createElement("span");
      badge.className = "dates-state";
      badge.textContent = state;
      const local = entry.querySelector(".dates-local");
      local.replaceChildren(
        badge, ` = ${localTime(instants(entry))} in your time zone, ${zone}`);
    }
    const box = block.querySelector(".dates-countdown");
    if (box) box.textContent = countdown(next, now);
  };

  const blocks = document.querySelectorAll(".dates");
  const refresh = () => blocks.forEach(update);
  refresh();
  if (blocks.length) setInterval(refresh, 30 * 1000);
})();
