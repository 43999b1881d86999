// Dashboard of programme progress: the province and each area in force on the date (its districts
// before the 2025 reform, its communes from it on: decision 0013) against the three targets, on any
// date, with the communes' coverage, monthly charts and live updates from the server-sent event
// stream. No library, no CDN: it must work on a provincial LAN without internet.
(function () {
  "use strict";
  const query = new URLSearchParams(location.search);
  const programme = query.get("programme") || "TN-ISHC-2017-2020";
  const api = "/api/v1/programmes/" + encodeURIComponent(programme);
  const number = new Intl.NumberFormat("vi-VN");
  const $ = (id) => document.getElementById(id);

  // The token comes from the address (#token=…, never sent to the server) or from the form.
  let token = new URLSearchParams(location.hash.slice(1)).get("token") || sessionStorage.getItem("ishc-token");
  if (token) { sessionStorage.setItem("ishc-token", token); history.replaceState(null, "", location.pathname + location.search); }

  // null: the default date (today, or the end of a programme that has ended); ?asOf= keeps a date across a change of programme
  let chosenDate = /^\d{4}-\d{2}-\d{2}$/.test(query.get("asOf") || "") ? query.get("asOf") : null;
  let shown = null;        // the document on screen, for the download
  let stream = null;       // aborts the open live stream
  let norms = {};          // club norms by area code, for the date on screen
  const drilled = {};      // the communes and clubs shown below an area, by area code
  let provinceCommunes = null; // {doc, promise}: the province's communes and clubs for the document on screen
  let normsTimer = null;

  function showError(message) { const e = $("error"); e.textContent = message; e.hidden = !message; }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Authorization: "Bearer " + token, "Accept-Language": "vi" } });
    if (response.status === 401) { askForToken(); throw new Error("Mã truy cập không hợp lệ hoặc đã hết hạn."); }
    if (!response.ok) { const problem = await response.json().catch(() => ({})); throw new Error(problem.detail || response.statusText); }
    return response.json();
  }

  function askForToken() {
    $("sign-in").hidden = false;
    $("controls").hidden = true;
    $("live-state").textContent = "chưa kết nối"; $("live-state").className = "live off";
    $("token-form").onsubmit = (event) => {
      event.preventDefault();
      token = $("token-input").value.trim();
      sessionStorage.setItem("ishc-token", token);
      $("sign-in").hidden = true;
      start();
    };
  }

  function date(iso) { return iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4); }
  function percent(part, whole) { return whole ? Math.round((100 * part) / whole) + "%" : "—"; }
  // A share from 0 to 1 (4 decimals) as a percent with at most one decimal, "45,7%": rounded from the
  // basis points, so that it is the figure anyone works out from the API's number.
  function sharePercent(share) {
    if (share === null || share === undefined) { return "—"; }
    return number.format(Math.round(Math.round(share * 10000) / 10) / 10) + "%";
  }

  // The areas in force on the document's date, each with its level; a server from before the reform sends districts only.
  function areasOf(doc) { return doc.areas || doc.districts.map((d) => Object.assign({ level: "DISTRICT" }, d)); }
  const LEVELS = { DISTRICT: "Huyện/thành phố", COMMUNE: "Xã/phường" };
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  function metric(kind, label, value, target, unit) {
    const share = target ? Math.min(100, (100 * value) / target) : 0;
    const goal = target ? " / " + number.format(target) + unit + " (" + Math.round((100 * value) / target) + "%)" : unit;
    return '<div class="metric ' + kind + '"><div class="label"><span>' + label + '</span><span class="value" data-figure="' + kind + '">'
      + number.format(value) + goal + '</span></div><div class="bar"><span style="width:' + share.toFixed(1) + '%"></span></div></div>';
  }

  function area(a) {
    const t = a.targets || {}, m = a.members;
    return "<h3>" + escapeHtml(a.name || a.code) + " <small>(" + escapeHtml(a.code) + ")</small></h3>"
      + metric("clubs", "Câu lạc bộ đang hoạt động", a.clubs.active, t.clubs, "")
      + metric("older", "Người cao tuổi tham gia", m.older, t.olderMembers, "")
      + metric("money", "Đóng góp xã hội đã nhận", a.contributions.receivedVnd, t.contributionsVnd, " đ")
      + '<div class="details">Thành lập mới ' + number.format(a.clubs.new) + " · duy trì " + number.format(a.clubs.maintained)
      + " · hội viên " + number.format(m.active) + " · cam kết chưa thực hiện " + number.format(a.contributions.pledgedOutstandingVnd)
      + " đ</div>"
      + '<div class="shares" data-women="' + percent(m.women, m.active) + '">Trong hội viên: nữ ' + percent(m.women, m.active)
      + " · người cao tuổi " + percent(m.older, m.active) + " · hộ nghèo và cận nghèo " + percent(m.poor + m.nearPoor, m.active)
      + " · hoàn cảnh khó khăn " + percent(m.hardship, m.active) + ' <span class="norm">(định mức: 60–70% nữ, 60–70% người cao tuổi)</span></div>'
      + (a.level === "COMMUNE" ? "" : planLine(a)) // plans are made by district: a commune has none
      + '<div class="norms" data-area="' + escapeHtml(a.code) + '">' + normsLine(norms[a.code]) + "</div>"
      + '<div class="report-status" data-area="' + escapeHtml(a.code) + '">' + reportLine(a.code) + "</div>";
  }

  // The approved plan up to the end of the year on screen, and how much of it is reached.
  function planLine(a) {
    if (!a.plan) { return '<div class="plan" data-plan="none">Chưa có kế hoạch được duyệt.</div>'; }
    const p = a.plan, at = a.attainmentOfPlan || {};
    const reached = (v) => (v === null || v === undefined ? "" : " (đạt " + String(v).replace(".", ",") + "%)");
    return '<div class="plan" data-plan="' + p.throughYear + '">Kế hoạch đến hết năm ' + p.throughYear + ": "
      + number.format(p.newClubs + p.maintainedClubs) + " CLB" + reached(at.clubs) + " · " + number.format(p.olderMembers)
      + " người cao tuổi" + reached(at.olderMembers) + " · " + number.format(p.contributionsVnd) + " đ" + reached(at.contributionsVnd) + "</div>";
  }

  // The report of the latest period whose cut-off has passed on the date on screen, per district.
  let reportPeriod = null;   // {period, counts, districts, byDistrict}
  let reportAsOf = null;     // the date the report status was loaded for
  const REPORT_STATUS = { NOT_STARTED: "chưa mở", DRAFT: "đang soạn", SUBMITTED: "đã gửi, chờ duyệt", RETURNED: "bị trả lại",
    APPROVED: "đã duyệt" };
  function reportLine(code) {
    if (!reportPeriod) { return ""; }
    const periodName = (reportPeriod.period.kind === "YEAR" ? "năm " : "6 tháng đầu năm ") + reportPeriod.period.year;
    if (code === shown.province.code) {
      if (!reportPeriod.districts.length) { return ""; } // reports are made by district: none once the districts have ended
      const c = reportPeriod.counts;
      return "Báo cáo " + periodName + ": đã duyệt " + c.approved + "/" + reportPeriod.districts.length + " huyện"
        + (c.late ? " · nộp muộn " + c.late : "");
    }
    const d = reportPeriod.byDistrict[code];
    if (!d) { return ""; }
    return '<span class="status ' + d.status.toLowerCase() + '" data-status="' + d.status + '">Báo cáo ' + periodName + ": "
      + REPORT_STATUS[d.status] + (d.late ? " (muộn)" : "") + "</span>";
  }
  async function loadReportStatus(asOf) {
    try {
      const periods = await getJson(api + "/report-periods");
      const due = periods.filter((p) => p.to <= asOf).pop();
      const doc = due ? await getJson(api + "/report-periods/" + encodeURIComponent(due.code)) : null;
      if (reportAsOf !== asOf) { return; } // another date was chosen meanwhile
      if (!doc) {
        reportPeriod = null; $("province-report").hidden = true; $("province-page").hidden = true;
        document.querySelectorAll(".report-status").forEach((e) => { e.innerHTML = ""; });
        return;
      }
      reportPeriod = { period: doc.period, counts: doc.counts, districts: doc.districts, byDistrict: {} };
      $("province-report").hidden = false; $("province-page").hidden = false;
      doc.districts.forEach((d) => { reportPeriod.byDistrict[d.code] = d; });
      document.querySelectorAll(".report-status").forEach((e) => { e.innerHTML = reportLine(e.dataset.area); });
    } catch (e) { /* the figures stay without the report status */ }
  }

  function normsLine(n) {
    if (!n) { return ""; }
    const of = (k) => number.format(n[k]) + "/" + number.format(n.clubs);
    return "CLB đạt định mức: quy mô 50–70 hội viên " + of("size") + " · 60–70% nữ " + of("women")
      + " · 60–70% người cao tuổi " + of("older") + " · <strong>cả ba " + of("all") + "</strong>";
  }

  // The norms are counted over every club: fetched once the figures settle, not on every change.
  function loadNorms(asOf) {
    clearTimeout(normsTimer);
    normsTimer = setTimeout(async () => {
      try {
        const doc = await getJson(api + "/progress/norms?asOf=" + asOf);
        norms = {};
        [doc.province].concat(doc.areas || doc.districts).forEach((n) => { norms[n.code] = n; });
        document.querySelectorAll(".norms").forEach((e) => { e.innerHTML = normsLine(norms[e.dataset.area]); });
        Object.keys(drilled).forEach((code) => drill(code, false));
      } catch (e) { /* the figures stay without the norms line */ }
    }, 1000);
  }

  function render(doc) {
    shown = doc;
    $("programme-name").textContent = doc.programme.name;
    $("as-of").textContent = date(doc.asOf);
    $("date-picker").value = doc.asOf;
    $("registry-through").textContent = doc.freshness.registryThrough ? new Date(doc.freshness.registryThrough).toLocaleString("vi-VN") : "—";
    $("funding-through").textContent = doc.freshness.fundingThrough ? new Date(doc.freshness.fundingThrough).toLocaleString("vi-VN") : "—";
    const province = $("province");
    province.innerHTML = area(doc.province);
    province.dataset.clubsActive = doc.province.clubs.active;
    province.dataset.asOf = doc.asOf;
    renderCoverage(doc);
    renderAreas(areasOf(doc));
    loadNorms(doc.asOf);
    if (reportAsOf !== doc.asOf) { reportAsOf = doc.asOf; loadReportStatus(doc.asOf); }
  }

  // The heading names the level on screen, so that nobody reads communes as districts across the reform.
  function renderAreas(areas) {
    const level = areas.length ? areas[0].level : "";
    $("areas-heading").textContent = LEVELS[level] ? LEVELS[level] + " (" + areas.length + ")" : "Địa bàn";
    $("areas").dataset.level = level;
    // a drill-down below an area of another date would be fetched again for a date it does not exist on
    Object.keys(drilled).forEach((code) => { if (!areas.some((a) => a.code === code)) { delete drilled[code]; } });
    $("areas").innerHTML = areas.map((a) => {
      const code = escapeHtml(a.code);
      const button = a.level === "COMMUNE"
        ? '<button type="button" class="drill" data-area="' + code + '">Câu lạc bộ</button>'
        : '<button type="button" class="drill" data-area="' + code + '" data-district="' + code + '">Xã, phường và câu lạc bộ</button>';
      return '<article class="area" data-code="' + code + '" data-level="' + escapeHtml(a.level) + '">' + area(a) + button
        + '<div class="communes" id="communes-' + code + '">' + (drilled[a.code] || "") + "</div></article>";
    }).join("");
    document.querySelectorAll("button.drill").forEach((b) => { b.onclick = () => drill(b.dataset.area, true); });
  }

  // Độ bao phủ: the communes in force with an active club; after the reform also by former district, which
  // is how the province still follows its old districts' work, and the clubs of split communes still unplaced.
  function renderCoverage(doc) {
    const box = $("coverage"), c = doc.coverage;
    if (!c) { box.hidden = true; box.innerHTML = ""; return; }
    let html = '<p class="coverage-total">Độ bao phủ: ' + number.format(c.communesWithActiveClub) + "/" + number.format(c.communes)
      + " xã/phường có CLB hoạt động (" + sharePercent(c.share) + ")</p>";
    if (c.formerDistricts && c.formerDistricts.length) {
      html += '<table class="former-districts"><caption>Theo địa bàn huyện cũ</caption><thead><tr><th scope="col">Huyện cũ</th>'
        + '<th scope="col">Xã/phường</th><th scope="col">Có CLB</th><th scope="col">Tỷ lệ</th></tr></thead><tbody>'
        + c.formerDistricts.map((d) => '<tr data-code="' + escapeHtml(d.code) + '"><th scope="row">' + escapeHtml(d.name || d.code)
          + "</th><td>" + number.format(d.communes) + "</td><td>" + number.format(d.communesWithActiveClub) + "</td><td>"
          + sharePercent(d.share) + "</td></tr>").join("") + "</tbody></table>";
    }
    if (doc.clubsAwaitingSuccessor > 0) {
      html += '<p class="awaiting">CLB chờ xác định xã kế thừa: ' + number.format(doc.clubsAwaitingSuccessor) + "</p>";
    }
    box.innerHTML = html;
    box.hidden = false;
  }

  // Monthly actuals; the approved plans (summed for the province) to the end of each year, as a dashed line.
  function renderCharts(series, targets, yearly) {
    const t = targets || {};
    const plan = (pick) => (yearly ? yearly.points.filter((p) => p.province.plan).map((p) => ({ asOf: nearest(series, p.asOf), value: pick(p.province.plan) })) : []);
    window.IshcChart.draw($("chart-clubs"), "Câu lạc bộ đang hoạt động",
      series.points.map((p) => ({ asOf: p.asOf, value: p.province.clubs.active })), t.clubs, "#2b7a4b",
      plan((p) => p.newClubs + p.maintainedClubs));
    window.IshcChart.draw($("chart-older"), "Người cao tuổi tham gia",
      series.points.map((p) => ({ asOf: p.asOf, value: p.province.members.older })), t.olderMembers, "#a05a12",
      plan((p) => p.olderMembers));
  }

  // The monthly point a year's end falls on (or the last one, for a year still running).
  function nearest(series, iso) {
    const point = series.points.find((p) => p.asOf >= iso) || series.points[series.points.length - 1];
    return point.asOf;
  }

  // Below an area, on the date: a district's communes in force, each with its active clubs; a commune's own clubs.
  async function drill(code, toggle) {
    const box = $("communes-" + code);
    if (toggle && drilled[code]) { delete drilled[code]; if (box) { box.innerHTML = ""; } return; }
    const found = shown ? areasOf(shown).find((a) => a.code === code) : null;
    if (!found) { delete drilled[code]; return; }
    try {
      if (found.level === "COMMUNE") {
        const doc = await communesOfProvince();
        const commune = doc.communes.find((c) => c.code === code) || { code: code, name: found.name, clubsActive: 0, clubs: [] };
        drilled[code] = communeLine(commune, true);
      } else {
        const doc = await getJson(api + "/progress/districts/" + encodeURIComponent(code) + "/communes?asOf=" + shown.asOf);
        const covered = doc.communes.filter((c) => c.clubsActive > 0).length;
        drilled[code] = '<p class="coverage">Có câu lạc bộ ở ' + covered + "/" + doc.communes.length + " xã, phường, thị trấn</p>"
          + doc.communes.map((c) => communeLine(c, false)).join("");
      }
      if ($("communes-" + code)) { $("communes-" + code).innerHTML = drilled[code]; }
    } catch (e) { showError(e.message); }
  }

  // One fetch of the province's communes per document on screen, shared by the communes drilled into (92 of them after the reform).
  function communesOfProvince() {
    if (!provinceCommunes || provinceCommunes.doc !== shown) {
      const promise = getJson(api + "/progress/communes?asOf=" + shown.asOf);
      provinceCommunes = { doc: shown, promise: promise };
      promise.catch(() => { if (provinceCommunes && provinceCommunes.promise === promise) { provinceCommunes = null; } });
    }
    return provinceCommunes.promise;
  }

  // A commune and its active clubs (a viewer sees no count of 1 to 4 people); open at once when it is the area itself.
  function communeLine(c, open) {
    const count = (v) => (v === null || v === undefined ? "dưới 5" : number.format(v));
    const name = escapeHtml(c.name || c.code) + " (" + escapeHtml(c.code) + ")";
    if (c.clubsActive === 0) { return '<p class="commune none" data-commune="' + escapeHtml(c.code) + '">' + name + ": chưa có câu lạc bộ</p>"; }
    return '<details class="commune" data-commune="' + escapeHtml(c.code) + '"' + (open ? " open" : "") + "><summary>" + name + ": "
      + c.clubsActive + " CLB · " + count(c.membersActive) + " hội viên</summary><ul>"
      + c.clubs.map((k) => "<li>" + escapeHtml(k.name) + " (thành lập " + date(k.establishedOn) + "): " + count(k.members)
        + " hội viên · " + count(k.older) + " người cao tuổi · " + count(k.women) + " nữ</li>").join("") + "</ul></details>";
  }

  // What is on screen as a CSV file (UTF-8 with BOM, so that Excel shows the diacritics).
  function download() {
    if (!shown) { return; }
    const header = ["Mã", "Tên", "CLB đang hoạt động", "CLB thành lập mới", "CLB duy trì", "Hội viên", "Người cao tuổi", "Nữ",
      "Hộ nghèo", "Hộ cận nghèo", "Hoàn cảnh khó khăn", "Đóng góp đã nhận (đồng)", "Cam kết chưa thực hiện (đồng)",
      "Mục tiêu CLB", "Mục tiêu người cao tuổi", "Mục tiêu đóng góp (đồng)", "CLB đạt quy mô 50–70", "CLB đạt 60–70% nữ",
      "CLB đạt 60–70% người cao tuổi", "CLB đạt cả ba định mức"];
    const row = (a) => [a.code, a.name, a.clubs.active, a.clubs.new, a.clubs.maintained, a.members.active, a.members.older,
      a.members.women, a.members.poor, a.members.nearPoor, a.members.hardship, a.contributions.receivedVnd,
      a.contributions.pledgedOutstandingVnd, (a.targets || {}).clubs, (a.targets || {}).olderMembers, (a.targets || {}).contributionsVnd,
      (norms[a.code] || {}).size, (norms[a.code] || {}).women, (norms[a.code] || {}).older, (norms[a.code] || {}).all];
    const cell = (v) => (v === null || v === undefined ? "" : /[",;\n]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v));
    const lines = [header, row(shown.province)].concat(areasOf(shown).map(row)).map((r) => r.map(cell).join(","));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" }));
    link.download = "tien-do-" + shown.programme.code + "-" + shown.asOf + ".csv";
    document.body.appendChild(link); link.click(); link.remove();
  }

  // A file of the API, fetched with the token (a plain link would not carry it): saved, or opened (name null) in a new tab.
  async function fetchFile(path, name) {
    try {
      const response = await fetch(path, { headers: { Authorization: "Bearer " + token, "Accept-Language": "vi" } });
      if (!response.ok) { const problem = await response.json().catch(() => ({})); throw new Error(problem.detail || response.statusText); }
      const url = URL.createObjectURL(await response.blob());
      if (!name) { window.open(url, "_blank"); return; }
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.appendChild(link); link.click(); link.remove();
    } catch (e) { showError(e.message); }
  }

  // Server-sent events read with fetch, so that the token travels in the Authorization header.
  async function listen() {
    if (stream) { stream.abort(); }
    const mine = new AbortController();
    stream = mine;
    try {
      const query = chosenDate ? "?asOf=" + chosenDate : "";
      const response = await fetch(api + "/progress/stream" + query,
        { headers: { Authorization: "Bearer " + token, Accept: "text/event-stream" }, signal: mine.signal });
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
    if (stream !== mine) { return; } // replaced by a stream for another date
    $("live-state").textContent = "mất kết nối, đang thử lại…"; $("live-state").className = "live off";
    setTimeout(() => { if (stream === mine) { listen(); } }, 3000);
  }

  async function show(dateIso) {
    chosenDate = dateIso;
    try {
      showError("");
      render(await getJson(api + "/progress" + (dateIso ? "?asOf=" + dateIso : "")));
      listen();
    } catch (e) { showError(e.message); }
  }

  async function controls(doc) {
    $("controls").hidden = false;
    const picker = $("date-picker");
    picker.min = doc.programme.startsOn;
    picker.max = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh" });
    picker.onchange = () => { if (picker.value) { show(picker.value); } };
    $("today").onclick = () => show(null);
    $("print").onclick = () => window.print();
    $("download").onclick = download;
    $("download-xlsx").onclick = () => fetchFile(api + "/progress/table.xlsx?asOf=" + shown.asOf, "tien-do-" + shown.programme.code + "-" + shown.asOf + ".xlsx");
    $("province-report").onclick = () => fetchFile(api + "/report-periods/" + reportPeriod.period.code + "/province-report.xlsx",
      "bao-cao-" + shown.programme.code + "-" + reportPeriod.period.code + ".xlsx");
    $("province-page").onclick = () => fetchFile(api + "/report-periods/" + reportPeriod.period.code + "/province-report.html", null);
    const programmes = await getJson("/api/v1/programmes").catch(() => []);
    const select = $("programme-picker");
    select.innerHTML = (programmes.length ? programmes : [doc.programme]).map((p) => '<option value="' + escapeHtml(p.code) + '"'
      + (p.code === programme ? " selected" : "") + ">" + escapeHtml(p.name) + "</option>").join("");
    // the date on screen goes along when the other programme had started by then (the server checks the rest)
    select.onchange = () => {
      const next = programmes.find((p) => p.code === select.value);
      const keep = chosenDate && next && next.startsOn <= chosenDate ? "&asOf=" + chosenDate : "";
      location.search = "?programme=" + encodeURIComponent(select.value) + keep;
    };
  }

  async function start() {
    if (!token) { askForToken(); return; }
    $("live-state").textContent = "đang kết nối…";
    try {
      showError("");
      let doc;
      try { doc = await getJson(api + "/progress" + (chosenDate ? "?asOf=" + chosenDate : "")); } catch (e) {
        if (!chosenDate) { throw e; }
        chosenDate = null; // a date from the address that this programme does not cover: its default instead
        doc = await getJson(api + "/progress");
      }
      render(doc);
      controls(doc);
      Promise.all([getJson(api + "/progress/series?period=MONTH"), getJson(api + "/progress/series?period=YEAR").catch(() => null)])
        .then(([series, yearly]) => renderCharts(series, doc.province.targets, yearly)).catch(() => {});
      listen();
    } catch (e) { showError(e.message); }
  }

  start();
}());
