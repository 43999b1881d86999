package vn.ishc.reporting.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The province report ready for its print page: every value already written as a Vietnamese
 * reader expects it (15.000.000; 87,5), so the template only lays it out.
 */
public record PrintedReport(String authority, String issuer, String numberSymbol, String signerTitle, String title, String programmeName, String range, String dateLine,
                            List<String> headers, List<TableRow> rows, TableRow total, List<DistrictText> narratives,
                            String completeness) {

    public record TableRow(String number, String name, String source, List<String> cells) {
    }

    public record DistrictText(String name, String results, String advantages, String difficulties, String proposals, String nextActions) {
    }

    public static PrintedReport of(ProvinceReport report, Letterhead letterhead, LocalDate today) {
        List<TableRow> rows = new ArrayList<>();
        List<DistrictText> texts = new ArrayList<>();
        int number = 1;
        for (ProvinceReport.Row row : report.districts()) {
            String name = row.name() + " (" + row.code() + ")";
            rows.add(new TableRow(String.valueOf(number++), name, row.source() == ProvinceReport.Source.APPROVED_REPORT ? "" : "*", cells(row.figures())));
            Narrative n = row.narrative();
            texts.add(n == null ? new DistrictText(name, "Chưa có báo cáo được duyệt.", null, null, null, null)
                    : new DistrictText(name, n.results(), n.advantages(), n.difficulties(), n.proposals(), n.nextActions()));
        }
        PeriodCompleteness.Counts c = report.completeness();
        String completeness = "Đã duyệt " + c.approved() + ", đã gửi chờ duyệt " + c.submitted() + ", bị trả lại " + c.returned()
                + ", đang soạn " + c.draft() + ", chưa mở " + c.notStarted() + "; nộp muộn " + c.late() + ".";
        return new PrintedReport(letterhead.authority(), letterhead.issuer(), letterhead.numberSymbol(), letterhead.signerTitle(),
                "BÁO CÁO KẾT QUẢ NHÂN RỘNG MÔ HÌNH CÂU LẠC BỘ LIÊN THẾ HỆ TỰ GIÚP NHAU " + PeriodLabels.name(report.period()).toUpperCase(),
                report.programme().name(), "(" + PeriodLabels.range(report.period()) + ")",
                letterhead.place() + ", ngày " + String.format("%02d", today.getDayOfMonth()) + " tháng " + String.format("%02d", today.getMonthValue())
                        + " năm " + today.getYear(),
                ProvinceWorkbook.COLUMNS.stream().map(ProvinceWorkbook.Column::header).toList(), rows,
                new TableRow("", "Toàn tỉnh", "", cells(report.total().figures())), texts, completeness);
    }

    private static List<String> cells(ReportFigures figures) {
        return ProvinceWorkbook.COLUMNS.stream().map(column -> write(column.value().apply(figures), column.header().startsWith("%"))).toList();
    }

    private static String write(Number value, boolean percent) {
        if (value == null) {
            return "–";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat(percent ? "#,##0.0" : "#,##0", symbols).format(value);
    }
}
