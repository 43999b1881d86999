// One honest line chart per figure: its own labelled axis from zero, the target as a dashed line,
// the approved plan (if any) as a thinner dashed line, months as MM/yyyy. Plain SVG so that it works offline and prints.
(function () {
  "use strict";
  const number = new Intl.NumberFormat("vi-VN");
  const width = 360, height = 200, left = 52, right = 12, top = 14, bottom = 30;

  // A round top for the axis: 1, 2 or 5 times a power of ten, at or above the largest value.
  function niceMax(value) {
    if (value <= 0) { return 1; }
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value);
  }

  function month(iso) { return iso.slice(5, 7) + "/" + iso.slice(0, 4); }

  function text(x, y, content, anchor, cls) {
    return '<text x="' + x.toFixed(1) + '" y="' + y.toFixed(1) + '" text-anchor="' + anchor + '" class="' + (cls || "") + '">'
      + content + "</text>";
  }

  /** points: [{asOf, value}]; target may be null; plan, if given, is a second series [{asOf, value}] drawn dashed. */
  function draw(element, title, points, target, colour, plan) {
    if (!points.length) { element.innerHTML = ""; return; }
    const planned = (plan || []).filter((p) => p.value !== null && p.value !== undefined);
    const max = niceMax(Math.max(target || 0, ...points.map((p) => p.value), ...planned.map((p) => p.value)));
    const x = (i) => left + (points.length === 1 ? 0 : (i * (width - left - right)) / (points.length - 1));
    const y = (v) => height - bottom - (v * (height - top - bottom)) / max;
    let svg = '<svg viewBox="0 0 ' + width + " " + height + '" xmlns="http://www.w3.org/2000/svg">';
    for (const tick of [0, max / 2, max]) {
      svg += '<line x1="' + left + '" x2="' + (width - right) + '" y1="' + y(tick).toFixed(1) + '" y2="' + y(tick).toFixed(1)
        + '" class="grid"/>' + text(left - 6, y(tick) + 4, number.format(tick), "end", "tick");
    }
    if (target) {
      svg += '<line x1="' + left + '" x2="' + (width - right) + '" y1="' + y(target).toFixed(1) + '" y2="' + y(target).toFixed(1)
        + '" class="target"/>' + text(width - right, y(target) - 4, "Mục tiêu " + number.format(target), "end", "tick target-label");
    }
    if (planned.length) {
      const at = (p) => x(points.findIndex((q) => q.asOf === p.asOf));
      svg += '<polyline fill="none" stroke="' + colour + '" stroke-width="1.5" stroke-dasharray="5 4" class="plan" points="'
        + planned.filter((p) => at(p) >= left).map((p) => at(p).toFixed(1) + "," + y(p.value).toFixed(1)).join(" ") + '"/>';
    }
    svg += '<polyline fill="none" stroke="' + colour + '" stroke-width="2.5" points="'
      + points.map((p, i) => x(i).toFixed(1) + "," + y(p.value).toFixed(1)).join(" ") + '"/>';
    const labelled = points.length > 2 ? [0, Math.floor((points.length - 1) / 2), points.length - 1] : points.map((p, i) => i);
    labelled.forEach((i, n) => {
      const anchor = n === 0 ? "start" : n === labelled.length - 1 ? "end" : "middle";
      svg += text(x(i), height - 10, month(points[i].asOf), anchor, "tick month");
    });
    svg += "</svg>";
    const last = points[points.length - 1];
    element.innerHTML = svg + "<figcaption><strong>" + title + "</strong>: " + number.format(last.value)
      + " (tháng " + month(last.asOf) + ")" + (target ? " · mục tiêu " + number.format(target) : "")
      + (planned.length ? " · kế hoạch (nét đứt) " + number.format(planned[planned.length - 1].value) : "") + "</figcaption>";
    element.dataset.points = String(points.length);
  }

  window.IshcChart = { draw: draw, niceMax: niceMax };
}());
