// Dashboard of programme progress: the province and each district against the three targets, a
// monthly chart, live updates from the server-sent event stream. No library, no CDN: it must work
// on a provincial LAN without internet.
(function () {
  "use strict";
  const programme = new URLSearchParams(location.search).get("programme") || "TN-ISHC-2017-2020";
  const api = "/api/v1/programmes/" + encodeURIComponent(programme);
  const number = new Intl.NumberFormat("vi-VN");

  // The token comes from the address (#token=…, never sent to the server) or from the form.
  let token = new URLSearchParams(location.hash.slice(1)).get("token") || sessionStorage.getItem("ishc-token");
  if (token) { sessionStorage.setItem("ishc-token", token); history.replaceState(null, "", location.pathname + location.search); }

  const $ = (id) => document.getElementById(id);

  function showError(message) { const e = $("error"); e.textContent = message; e.hidden = !message; }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Authorization: "Bearer " + token, "Accept-Language": "vi" } });
    if (response.status === 401) { askForToken(); throw new Error("Cần mã truy cập hợp lệ."); }
    if (!response.ok) { const problem = await response.json().catch(() => ({})); throw new Error(problem.detail || response.statusText); }
    return response.json();
  }

  function askForToken() {
    $("sign-in").hidden = false;
    $("token-form").onsubmit = (event) => {
      event.preventDefault();
      token = $("token-input").value.trim();
      sessionStorage.setItem("ishc-token", token);
      $("sign-in").hidden = true;
      start();
    };
  }

  function metric(kind, label, value, target, unit) {
    const share = target ? Math.min(100, (100 * value) / target) : 0;
    const goal = target ? " / " + number.format(target) + unit + " (" + Math.round((100 * value) / target) + "%)" : unit;
    return '<div class="metric ' + kind + '"><div class="label"><span>' + label + '</span><span class="value" data-figure="' + kind + '">'
      + number.format(value) + goal + '</span></div><div class="bar"><span style="width:' + share.toFixed(1) + '%"></span></div></div>';
  }

  function area(a) {
    const t = a.targets || {};
    return "<h3>" + escapeHtml(a.name || a.code) + "</h3>"
      + metric("clubs", "Câu lạc bộ đang hoạt động", a.clubs.active, t.clubs, "")
      + metric("older", "Người cao tuổi tham gia", a.members.older, t.olderMembers, "")
      + metric("money", "Đóng góp xã hội đã nhận", a.contributions.receivedVnd, t.contributionsVnd, " đ")
      + '<div class="details">Thành lập mới ' + number.format(a.clubs.new) + " · duy trì " + number.format(a.clubs.maintained)
      + " · hội viên " + number.format(a.members.active) + " · nữ " + number.format(a.members.women)
      + " · hộ nghèo " + number.format(a.members.poor) + " · cận nghèo " + number.format(a.members.nearPoor)
      + " · khó khăn " + number.format(a.members.hardship)
      + " · cam kết chưa thực hiện " + number.format(a.contributions.pledgedOutstandingVnd) + " đ</div>";
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  function render(doc) {
    $("programme-name").textContent = doc.programme.name;
    $("as-of").textContent = new Date(doc.asOf + "T00:00:00").toLocaleDateString("vi-VN");
    $("registry-through").textContent = doc.freshness.registryThrough ? new Date(doc.freshness.registryThrough).toLocaleString("vi-VN") : "—";
    $("funding-through").textContent = doc.freshness.fundingThrough ? new Date(doc.freshness.fundingThrough).toLocaleString("vi-VN") : "—";
    const province = $("province");
    province.innerHTML = area(doc.province);
    province.dataset.clubsActive = doc.province.clubs.active;
    $("districts").innerHTML = doc.districts.map((d) => '<article class="area" data-code="' + d.code + '">' + area(d) + "</article>").join("");
  }

  function renderChart(series) {
    const points = series.points;
    if (!points.length) { return; }
    const width = 640, height = 220, pad = 32;
    const clubs = points.map((p) => p.province.clubs.active);
    const older = points.map((p) => p.province.members.older);
    const x = (i) => pad + (points.length === 1 ? 0 : (i * (width - 2 * pad)) / (points.length - 1));
    const line = (values, max, colour) => '<polyline fill="none" stroke="' + colour + '" stroke-width="2" points="'
      + values.map((v, i) => x(i).toFixed(1) + "," + (height - pad - (max ? (v * (height - 2 * pad)) / max : 0)).toFixed(1)).join(" ") + '"/>';
    const first = points[0].asOf.slice(0, 7), last = points[points.length - 1].asOf.slice(0, 7);
    $("chart").innerHTML = '<svg viewBox="0 0 ' + width + " " + height + '" xmlns="http://www.w3.org/2000/svg">'
      + '<line x1="' + pad + '" y1="' + (height - pad) + '" x2="' + (width - pad) + '" y2="' + (height - pad) + '" stroke="#ccd3da"/>'
      + line(clubs, Math.max(1, ...clubs), "#2b7a4b") + line(older, Math.max(1, ...older), "#a05a12")
      + '<text x="' + pad + '" y="' + (height - 8) + '" font-size="12">' + first + "</text>"
      + '<text x="' + (width - pad) + '" y="' + (height - 8) + '" font-size="12" text-anchor="end">' + last + "</text></svg>"
      + '<figcaption class="legend">Xanh lá: câu lạc bộ đang hoạt động (cao nhất ' + number.format(Math.max(...clubs))
      + ") · Nâu: người cao tuổi (cao nhất " + number.format(Math.max(...older)) + ")</figcaption>";
  }

  // Server-sent events read with fetch, so that the token travels in the Authorization header.
  async function listen() {
    try {
      const response = await fetch(api + "/progress/stream", { headers: { Authorization: "Bearer " + token, Accept: "text/event-stream" } });
      if (!response.ok) { throw new Error(response.statusText); }
      $("live-state").textContent = "trực tiếp"; $("live-state").className = "live on";
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) { break; }
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
          const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
          if (data) { render(JSON.parse(data)); }
        }
      }
    } catch (e) { /* fall through to reconnect */ }
    $("live-state").textContent = "mất kết nối, đang thử lại…"; $("live-state").className = "live off";
    setTimeout(listen, 3000);
  }

  async function start() {
    if (!token) { askForToken(); return; }
    try {
      showError("");
      render(await getJson(api + "/progress"));
      getJson(api + "/progress/series?period=MONTH").then(renderChart).catch(() => {});
      listen();
    } catch (e) { showError(e.message); }
  }

  start();
}());
