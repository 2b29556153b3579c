// Starts Pagefind's search box (offline index built with the site). Only this page loads it;
// without JavaScript the page still points to the archive and the people pages. The index
// comes in shards (one bundle per year): the first is loaded, the others merged into it.
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  var note = document.getElementById("search-note");
  if (window.location.protocol === "file:") {
    // Opened from disk, the browser refuses to load the index (it is fetched, and file://
    // fetches are blocked): the box would wait forever. Say so instead, with the ways round.
    if (note) {
      note.classList.add("offline");
      note.setAttribute("role", "status");
      var lead = note.querySelector(".search-offline");
      if (lead) lead.hidden = false;
    }
    return;
  }
  if (!box || typeof PagefindUI === "undefined") return;
  var bundles = box.getAttribute("data-bundles").split(" ").map(function (path) {
    return new URL(path, document.baseURI).href;
  });
  new PagefindUI({
    element: "#search",
    bundlePath: bundles[0],
    mergeIndex: bundles.slice(1).map(function (path) {
      return { bundlePath: path };
    }),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
  });
  var input = box.querySelector("input");
  if (input) input.setAttribute("aria-label", "Search the briefing");
  if (note) note.hidden = true;
});
