// Progressive enhancement of the question page: ask the JSON API without a full page
// load, show progress, and keep a shareable URL. Without JavaScript the form does a GET
// and the server renders the same results. All text is inserted with textContent.
(function () {
  "use strict";
  const form = document.getElementById("ask");
  if (!form || !window.fetch) return;
  const results = document.getElementById("results");
  const status = document.getElementById("status");
  const button = form.querySelector("button");

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    (children || []).forEach((c) => node.append(c));
    return node;
  }

  function highlighted(tag, text, spans) {
    const node = el(tag);
    let at = 0;
    (spans || []).forEach(([start, end]) => {
      if (start > at) node.append(text.slice(at, start));
      node.append(el("mark", {}, [text.slice(start, end)]));
      at = end;
    });
    if (at < text.length) node.append(text.slice(at));
    return node;
  }

  function sourceHref(c, q, k) {
    const params = new URLSearchParams({ start: c.start, end: c.end, q: q, k: k });
    return "/sources/" + encodeURIComponent(c.source) + "?" + params + "#cited";
  }

  function render(data, k) {
    results.replaceChildren();
    const first = data.citations[0];
    if (data.answered) {
      results.append(el("div", { class: "answer", id: "answer" }, [
        el("h2", {}, ["Answer"]),
        highlighted("p", first.text, first.highlights),
        el("p", { class: "meta" }, [
          "Confidence " + data.confidence.toFixed(2) + " · from ",
          el("a", { href: sourceHref(first, data.question, k) }, ["[1]"]),
        ]),
      ]));
      results.append(el("h2", {}, ["Citations"]));
    } else {
      results.append(el("div", { class: "answer abstained", id: "answer" }, [
        el("h2", {}, ["No answer"]),
        el("p", { class: "answer-text" }, ["The articles do not answer this question."]),
      ]));
      if (data.citations.length) results.append(el("h2", {}, ["Closest passages, not answers"]));
    }
    const list = el("ol", { class: "citations" });
    data.citations.forEach((c) => {
      const meta = el("p", { class: "meta" }, [
        el("a", { class: "source-link", href: sourceHref(c, data.question, k) },
          [c.source + ":" + c.start + "-" + c.end]),
      ]);
      if (c.title) meta.append(" · ", el("span", { class: "title" }, [c.title]));
      if (c.date) meta.append(" · ", el("time", { datetime: c.date }, [c.date]));
      list.append(el("li", { class: "citation", id: "c" + c.rank },
        [highlighted("blockquote", c.text, c.highlights), meta]));
    });
    results.append(list);
    results.append(el("p", { class: "took" }, ["Answered in " + data.took_ms.toFixed(1) + " ms."]));
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = form.elements.q.value;
    const k = Number(form.elements.k.value);
    button.disabled = true;
    status.textContent = "Searching the articles…";
    try {
      const response = await fetch("/api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ question: q, k: k, highlight: true }),
      });
      const data = await response.json();
      if (!response.ok) {
        results.replaceChildren(el("p", { class: "error", role: "alert" }, [data.error.message]));
        status.textContent = "";
        return;
      }
      render(data, k);
      status.textContent = data.answered ? "Answer found." : "The articles do not answer this.";
      const url = "/?" + new URLSearchParams({ q: q, k: k });
      history.pushState({}, "", url);
      document.title = q + " – astana-qa";
    } catch (error) {
      status.textContent = "The service could not be reached. Please try again.";
    } finally {
      button.disabled = false;
    }
  });
})();
