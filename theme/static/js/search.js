// Starts Pagefind's search box (offline index built with the site). Only this page loads it;
// without JavaScript the page still points to the archive and the people pages.
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  new PagefindUI({
    element: "#search",
    bundlePath: new URL(box.getAttribute("data-bundle"), document.baseURI).href,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
  });
  var input = box.querySelector("input");
  if (input) input.setAttribute("aria-label", "Search the briefing");
  var note = document.getElementById("search-note");
  if (note) note.hidden = true;
});
