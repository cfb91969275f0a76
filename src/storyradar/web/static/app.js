/* storyradar web UI: draw Vega-Lite charts from the JSON API, poll background jobs, autosubmit filters.
   No inline scripts anywhere (the Content-Security-Policy forbids them). */
(function () {
  "use strict";

  function drawCharts() {
    document.querySelectorAll("[data-vega-src]").forEach(function (el) {
      fetch(el.getAttribute("data-vega-src"), {credentials: "same-origin"})
        .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .then(function (spec) {
          spec.autosize = {type: "fit-x", contains: "padding"};
          spec.width = "container";
          return vegaEmbed(el, spec, {renderer: "svg", actions: {export: true, source: false, compiled: false, editor: false}});
        })
        .then(function () { el.setAttribute("data-drawn", "1"); })
        .catch(function (err) {
          el.textContent = "Chart could not be drawn: " + err.message;
          el.setAttribute("data-drawn", "error");
        });
    });
  }

  function pollJob(box) {
    var id = box.getAttribute("data-job");
    var bar = box.querySelector("progress");
    var text = box.querySelector("[data-job-text]");
    var list = box.querySelector("[data-job-problems]");
    function tick() {
      fetch("/api/jobs/" + encodeURIComponent(id), {credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (job) {
          bar.max = Math.max(job.total, 1);
          bar.value = job.done;
          text.textContent = job.status + ": " + job.done + " of " + job.total + " inputs, " + job.read +
            " records read, " + job.stored + " stored, " + job.duplicates + " already known, " +
            job.rejected + " rejected";
          box.setAttribute("data-status", job.status);
          list.replaceChildren();
          job.errors.concat(job.rejections).forEach(function (msg) {
            var li = document.createElement("li");
            li.textContent = msg;  /* text, never HTML */
            list.appendChild(li);
          });
          if (job.status === "queued" || job.status === "running") { setTimeout(tick, 600); }
        })
        .catch(function () { setTimeout(tick, 2000); });
    }
    tick();
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    document.querySelectorAll("[data-job]").forEach(pollJob);
    document.querySelectorAll("select[data-autosubmit]").forEach(function (sel) {
      sel.addEventListener("change", function () { sel.form.submit(); });
    });
  });
})();
