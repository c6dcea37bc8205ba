// Filter the accepted papers as the visitor types. The whole list is in the page,
// so this needs no server: each word typed must appear in a paper's title,
// authors or topic (accents and case ignored).
(() => {
  "use strict";
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  // Same wording as count_text() in filterbox.py.
  const countText = (shown, total) => {
    const noun = total === 1 ? "paper" : "papers";
    return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
  };

  const setUp = (papers) => {
    const box = papers.querySelector(".papers-filter");
    const input = box.querySelector("input");
    const count = box.querySelector(".papers-count");
    const items = Array.from(papers.querySelectorAll(".papers-item"), (item) => ({
      item,
      text: fold(
        Array.from(item.querySelectorAll(".papers-title, .papers-authors, .papers-topic"))
          .map((part) => part.textContent)
          .join(" "),
      ),
    }));
    let announce = 0;
    input.addEventListener("input", () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const { item, text } of items) {
        const match = words.every((word) => text.includes(word));
        item.hidden = !match;
        shown += match;
      }
      // Screen readers announce the count once the visitor pauses, not at every key.
      clearTimeout(announce);
      announce = setTimeout(() => {
        count.textContent = countText(shown, items.length);
      }, 300);
    });
    box.classList.add("papers-ready");
  };

  document.querySelectorAll(".papers").forEach(setUp);
})();
