// Household pages: the census form classifies as the officer types (the server answers the same
// rule the save applies), and the import page follows its job. Both work without this script:
// the form's "Phân loại thử" button posts, and the import page has a refresh link.
(function () {
  "use strict";

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }

  var form = document.querySelector("form[data-classify]");
  if (form) {
    var out = document.getElementById("live-classification");
    var timer = 0;
    var seq = 0;
    var classify = function () {
      var income = form.elements.income.value.replace(/[.\s]/g, "");
      var score = form.elements.scoreA.value.trim();
      if (!income && !score) return;
      var deprived = Array.prototype.map.call(form.querySelectorAll("input[name=deprived]:checked"), function (c) { return c.value; });
      var q = new URLSearchParams({ year: form.elements.year.value, area: form.dataset.area || "rural", deprived: deprived.join(",") });
      if (income) q.set("income", income); else q.set("scoreA", score);
      var mine = ++seq;
      fetch(form.dataset.classify + "?" + q.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (res) {
          if (mine !== seq) return; // an older answer arriving late
          out.replaceChildren();
          if (!res.ok) { out.appendChild(text("p", res.body.detail || res.body.title || "?", "error")); return; }
          var name = res.body.statusName;
          out.appendChild(text("strong", "Kết quả phân loại: " + name.charAt(0).toUpperCase() + name.slice(1), "status-" + res.body.status));
          var ul = document.createElement("ul");
          ul.className = "reasons";
          res.body.reasons.slice(0, -1).forEach(function (r) { ul.appendChild(text("li", r)); });
          out.appendChild(ul);
        })
        .catch(function () {
          // Offline or a server error page: say so; the "Phân loại thử" button still posts.
          if (mine !== seq) return;
          out.replaceChildren(text("p", "Chưa phân loại được tự động, bấm \u201cPhân loại thử\u201d.", "error"));
        });
    };
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(classify, 250); });
    form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(classify, 50); });
  }

  var job = document.querySelector("[data-import-job]");
  if (job) {
    var bar = job.querySelector("progress");
    var stage = job.querySelector("[data-stage]");
    var poll = function () {
      fetch("/api/v1/households/import/" + encodeURIComponent(job.dataset.importJob), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) return;
          bar.value = s.percent;
          bar.textContent = s.percent + "%";
          stage.textContent = s.stageName + " — " + s.rows.toLocaleString("vi-VN") + " dòng, " + s.households.toLocaleString("vi-VN") + " hộ (" + s.percent + "%)";
          if (s.done) location.reload(); // the page shows the summary or every row error
          else setTimeout(poll, 700);
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    if (!job.hasAttribute("data-done")) setTimeout(poll, 300);
  }
})();
