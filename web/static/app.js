// Progressive enhancement of the question page: fetch the server-rendered answer
// fragment without a full page load, keep a shareable URL, and let Back/Forward restore
// the question with its answer. The script has no markup or URLs of its own: the form's
// data attributes give the fragment's address and the messages, and the fragment's root
// gives the status line and the document title. Without JavaScript the form does a GET
// and the server renders the same fragment inside the page.
(function () {
  "use strict";
  const form = document.getElementById("ask");
  const results = document.getElementById("results");
  if (!form || !results || !window.fetch || !form.dataset.fragment) return;
  const status = document.getElementById("status");
  const examples = document.getElementById("examples");
  const button = form.querySelector("button[type=submit]");
  const text = form.dataset;

  function address(base, q, k) {
    const url = new URL(base, document.baseURI);
    url.search = new URLSearchParams({ q: q, k: k }).toString();
    return url.toString();
  }

  function show(html, q, k, announce) {
    results.innerHTML = html;
    form.elements.q.value = q;
    if (k) form.elements.k.value = k;
    const root = results.querySelector(".result");
    status.textContent = announce && root ? root.dataset.status || "" : "";
    document.title = (root && root.dataset.title) || text.title;
    if (examples) examples.open = !q;
  }

  async function fragment(q, k) {
    const response = await fetch(address(text.fragment, q, k), {
      headers: { Accept: "text/html" },
    });
    // 400 is a question that cannot be asked: its fragment says why.
    if (!response.ok && response.status !== 400) throw new Error("HTTP " + response.status);
    return response.text();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = form.elements.q.value.trim();
    const k = form.elements.k.value;
    button.disabled = true;
    status.textContent = text.busy;
    try {
      const html = await fragment(q, k);
      show(html, q, k, true);
      history.pushState({ q: q, k: k, html: html }, "", address(form.action, q, k));
    } catch (error) {
      status.textContent = text.failed;
    } finally {
      button.disabled = false;
    }
  });

  window.addEventListener("popstate", async (event) => {
    const state = event.state;
    if (state && typeof state.html === "string") {
      show(state.html, state.q, state.k, false);
      return;
    }
    const params = new URLSearchParams(window.location.search);
    const q = (params.get("q") || "").trim();
    const k = params.get("k") || "";
    try {
      show(q ? await fragment(q, k) : "", q, k, false);
    } catch (error) {
      status.textContent = text.failed;
    }
  });

  // The entry the page was loaded with, so that coming back to it restores it too.
  history.replaceState(
    { q: form.elements.q.value.trim(), k: form.elements.k.value, html: results.innerHTML },
    "",
  );
})();
