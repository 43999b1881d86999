package vn.ishc.reporting.progress;

import vn.ishc.kit.export.TableFormat;
import vn.ishc.kit.export.TableSink;
import vn.ishc.kit.export.TableWriter;
import vn.ishc.reporting.plan.PlanToDate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Progress as a table to download: one row per area (province first), and for a series one per date and area. */
final class ProgressTable {

    static final List<String> FIGURE_HEADERS = List.of("Mã", "Tên", "CLB đang hoạt động", "CLB thành lập mới", "CLB duy trì", "Hội viên",
            "Người cao tuổi", "Nữ", "Hộ nghèo", "Hộ cận nghèo", "Hoàn cảnh khó khăn", "Đóng góp đã nhận (đồng)", "Cam kết chưa thực hiện (đồng)",
            "Chỉ tiêu CLB", "Chỉ tiêu người cao tuổi", "Chỉ tiêu đóng góp (đồng)", "Kế hoạch CLB", "Kế hoạch người cao tuổi",
            "Kế hoạch đóng góp (đồng)", "% đạt kế hoạch CLB", "% đạt kế hoạch người cao tuổi", "% đạt kế hoạch đóng góp");

    private ProgressTable() {
    }

    static void document(ProgressDocument doc, TableFormat format, OutputStream out) throws IOException {
        try (TableSink sink = TableWriter.open(format, out, "Tiến độ " + doc.asOf(), FIGURE_HEADERS)) {
            sink.row(row(doc.province()));
            // The areas in force on the date: the districts before the 2025 reform, the communes after it.
            for (ProgressDocument.LevelledAreaProgress area : doc.areas()) {
                sink.row(row(area.figures()));
            }
        }
    }

    static void series(ProgressSeries series, TableFormat format, OutputStream out) throws IOException {
        List<String> headers = new ArrayList<>(List.of("Ngày"));
        headers.addAll(FIGURE_HEADERS);
        try (TableSink sink = TableWriter.open(format, out, "Diễn biến", headers)) {
            for (SeriesPoint point : series.points()) {
                List<ProgressDocument.AreaProgress> areas = new ArrayList<>(List.of(point.province()));
                point.areas().forEach(area -> areas.add(area.figures()));
                for (ProgressDocument.AreaProgress area : areas) {
                    List<Object> row = new ArrayList<>(List.of(point.asOf()));
                    row.addAll(row(area));
                    sink.row(row);
                }
            }
        }
    }

    static List<Object> row(ProgressDocument.AreaProgress a) {
        ProgressDocument.Targets t = a.targets();
        PlanToDate plan = a.plan();
        ProgressDocument.Attainment at = a.attainmentOfPlan();
        return Arrays.asList(a.code(), a.name(), a.clubs().active(), a.clubs().newlyEstablished(), a.clubs().maintained(), a.members().active(),
                a.members().older(), a.members().women(), a.members().poor(), a.members().nearPoor(), a.members().hardship(),
                a.contributions().receivedVnd(), a.contributions().pledgedOutstandingVnd(),
                t == null ? null : t.clubs(), t == null ? null : t.olderMembers(), t == null ? null : t.contributionsVnd(),
                plan == null ? null : plan.clubs(), plan == null ? null : plan.olderMembers(), plan == null ? null : plan.contributionsVnd(),
                at == null ? null : at.clubs(), at == null ? null : at.olderMembers(), at == null ? null : at.contributionsVnd());
    }
}
