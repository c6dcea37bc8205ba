// "Show in my time zone": every slot of a schedule in the visitor's own time.
// The venue's times are in the page, and each <time datetime> holds the exact
// instant; the button only swaps the text on request, so nothing moves on load.
(() => {
  "use strict";
  const pad = (number) => String(number).padStart(2, "0");
  const clock = (moment) => `${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
  const isoDay = (moment) =>
    `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
  const offset = (moment) => {
    const minutes = -moment.getTimezoneOffset();
    const sign = minutes < 0 ? "-" : "+";
    const hours = Math.floor(Math.abs(minutes) / 60);
    const rest = Math.abs(minutes) % 60;
    return `UTC${sign}${hours}${rest ? `:${pad(rest)}` : ""}`;
  };
  const dayName = (moment) =>
    moment.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric" });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const setUp = (schedule) => {
    const button = schedule.querySelector(".schedule-toggle");
    if (!button) return; // a schedule without a known day has no instants to convert
    // Every place that names the zone of the times: the time column's header and the
    // caption (also the only one shown on a phone, where the header row is hidden).
    const header = schedule.querySelector("thead th p") || schedule.querySelector("thead th");
    const venueHeader = header.textContent;
    const caption = schedule.querySelector("caption .schedule-zone");
    const venueCaption = caption ? caption.textContent : "";
    const rows = Array.from(schedule.querySelectorAll("tbody tr"), (row) => ({
      times: Array.from(row.querySelectorAll("time[datetime]"), (element) => ({
        element,
        venue: element.textContent,
        moment: new Date(element.getAttribute("datetime")),
        venueDay: element.getAttribute("datetime").slice(0, 10),
      })),
      day: row.querySelector(".schedule-day"),
    }));
    button.addEventListener("click", () => {
      const local = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(local));
      for (const { times, day } of rows) {
        for (const time of times) {
          time.element.textContent = local ? clock(time.moment) : time.venue;
        }
        // A day marker when the slot starts on another day for the visitor.
        const [start] = times;
        const otherDay = local && start && isoDay(start.moment) !== start.venueDay;
        day.textContent = otherDay ? ` (${dayName(start.moment)})` : "";
      }
      const first = rows[0].times[0].moment;
      header.textContent = local ? `Your time (${zone}, ${offset(first)})` : venueHeader;
      if (caption) {
        caption.textContent = local ? `your time zone, ${zone} (${offset(first)})` : venueCaption;
      }
    });
    schedule.classList.add("schedule-ready");
  };

  document.querySelectorAll(".schedule").forEach(setUp);
})();
