package vn.ishc.reporting.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The province report as a workbook: a sheet of figures laid out as a province officer forwards
 * them (one row per district and a province total), and a sheet of the districts' narratives.
 */
public final class ProvinceWorkbook {

    /** A column of the figures sheet: its header and how a row's value is read. Null values stay empty cells. */
    public record Column(String header, Function<ReportFigures, Number> value) {
    }

    public static final String FIGURES_SHEET = "Số liệu";
    public static final String NARRATIVE_SHEET = "Thuyết minh";
    /** The row (0-based) of the figures sheet's column headers; district rows follow it. */
    public static final int HEADER_ROW = 6;

    public static final List<Column> COLUMNS = List.of(
            new Column("CLB đang hoạt động", f -> f.stocks().activeClubs()),
            new Column("Trong đó: thành lập mới", f -> f.stocks().newClubs()),
            new Column("Trong đó: duy trì", f -> f.stocks().maintainedClubs()),
            new Column("CLB thành lập trong kỳ", f -> f.flows().clubsEstablished()),
            new Column("CLB ngừng hoạt động trong kỳ", f -> f.flows().clubsClosed()),
            new Column("Hội viên", f -> f.stocks().members()),
            new Column("Người cao tuổi", f -> f.stocks().olderMembers()),
            new Column("Nữ", f -> f.stocks().women()),
            new Column("Hộ nghèo", f -> f.stocks().poor()),
            new Column("Hộ cận nghèo", f -> f.stocks().nearPoor()),
            new Column("Hộ khó khăn", f -> f.stocks().hardship()),
            new Column("Hội viên vào trong kỳ", f -> f.flows().membersJoined()),
            new Column("Hội viên ra trong kỳ", f -> f.flows().membersLeft()),
            new Column("Tiền vận động trong kỳ (đồng)", f -> f.flows().receivedVnd()),
            new Column("Lũy kế tiền vận động (đồng)", f -> f.stocks().receivedVndToDate()),
            new Column("Cam kết chưa thực hiện (đồng)", f -> f.stocks().pledgedOutstandingVnd()),
            new Column("Kế hoạch CLB", f -> f.plan() == null ? null : f.plan().clubs()),
            new Column("% đạt KH CLB", f -> f.attainmentOfPlan().clubs()),
            new Column("Kế hoạch NCT", f -> f.plan() == null ? null : f.plan().olderMembers()),
            new Column("% đạt KH NCT", f -> f.attainmentOfPlan().olderMembers()),
            new Column("Kế hoạch vận động (đồng)", f -> f.plan() == null ? null : f.plan().contributionsVnd()),
            new Column("% đạt KH vận động", f -> f.attainmentOfPlan().contributionsVnd()),
            new Column("% đạt chỉ tiêu CLB", f -> f.attainmentOfTargets().clubs()),
            new Column("% đạt chỉ tiêu NCT", f -> f.attainmentOfTargets().olderMembers()),
            new Column("% đạt chỉ tiêu vận động", f -> f.attainmentOfTargets().contributionsVnd()));

    private ProvinceWorkbook() {
    }

    public static byte[] write(ProvinceReport report, Letterhead letterhead) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            figures(workbook.createSheet(FIGURES_SHEET), report, letterhead, styles);
            narratives(workbook.createSheet(NARRATIVE_SHEET), report, styles);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void figures(Sheet sheet, ProvinceReport report, Letterhead letterhead, Styles styles) {
        int lastColumn = COLUMNS.size() + 2;
        text(sheet, 0, 0, letterhead.authority(), styles.bold);
        text(sheet, 0, 10, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", styles.bold);
        text(sheet, 1, 0, letterhead.issuer(), styles.bold);
        text(sheet, 1, 10, "Độc lập - Tự do - Hạnh phúc", styles.bold);
        text(sheet, 3, 0, "BÁO CÁO KẾT QUẢ NHÂN RỘNG MÔ HÌNH CÂU LẠC BỘ LIÊN THẾ HỆ TỰ GIÚP NHAU " + PeriodLabels.name(report.period()).toUpperCase(),
                styles.title);
        sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, lastColumn));
        text(sheet, 4, 0, report.programme().name() + " — " + PeriodLabels.range(report.period()), styles.centred);
        sheet.addMergedRegion(new CellRangeAddress(4, 4, 0, lastColumn));

        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(48);
        cell(header, 0, "STT", styles.header);
        cell(header, 1, "Đơn vị", styles.header);
        cell(header, 2, "Nguồn số liệu", styles.header);
        for (int i = 0; i < COLUMNS.size(); i++) {
            cell(header, i + 3, COLUMNS.get(i).header(), styles.header);
        }
        int r = HEADER_ROW + 1;
        int number = 1;
        for (ProvinceReport.Row district : report.districts()) {
            row(sheet.createRow(r++), String.valueOf(number++), district.name() + " (" + district.code() + ")", source(district), district.figures(),
                    styles, false);
        }
        row(sheet.createRow(r), "", "Toàn tỉnh", "", report.total().figures(), styles, true);
        sheet.setColumnWidth(1, 34 * 256);
        sheet.setColumnWidth(2, 22 * 256);
        for (int i = 0; i < COLUMNS.size(); i++) {
            sheet.setColumnWidth(i + 3, 14 * 256);
        }
        sheet.createFreezePane(3, HEADER_ROW + 1);
    }

    private static void row(Row row, String number, String name, String source, ReportFigures figures, Styles styles, boolean total) {
        cell(row, 0, number, total ? styles.boldBorder : styles.border);
        cell(row, 1, name, total ? styles.boldBorder : styles.border);
        cell(row, 2, source, styles.border);
        for (int i = 0; i < COLUMNS.size(); i++) {
            Cell cell = row.createCell(i + 3);
            Number value = COLUMNS.get(i).value().apply(figures);
            boolean percent = COLUMNS.get(i).header().startsWith("%");
            cell.setCellStyle(percent ? styles.percent : total ? styles.boldNumber : styles.number);
            if (value != null) {
                cell.setCellValue(value.doubleValue());
            }
        }
    }

    private static String source(ProvinceReport.Row row) {
        if (row.source() == ProvinceReport.Source.APPROVED_REPORT) {
            return "Báo cáo đã duyệt" + (row.revision() != null && row.revision() > 1 ? " (lần " + row.revision() + ")" : "");
        }
        return row.reportStatus() == null ? "Số liệu hệ thống (chưa có báo cáo)" : "Số liệu hệ thống (báo cáo chưa duyệt)";
    }

    private static void narratives(Sheet sheet, ProvinceReport report, Styles styles) {
        String[] headers = {"STT", "Đơn vị", "Kết quả đạt được", "Thuận lợi", "Khó khăn", "Đề xuất, kiến nghị", "Nhiệm vụ kỳ tới"};
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            cell(header, i, headers[i], styles.header);
        }
        int r = 1;
        for (ProvinceReport.Row district : report.districts()) {
            Row row = sheet.createRow(r);
            cell(row, 0, String.valueOf(r), styles.wrap);
            cell(row, 1, district.name() + " (" + district.code() + ")", styles.wrap);
            Narrative n = district.narrative();
            String[] texts = n == null ? new String[] {"Chưa có báo cáo được duyệt.", "", "", "", ""}
                    : new String[] {n.results(), n.advantages(), n.difficulties(), n.proposals(), n.nextActions()};
            for (int i = 0; i < texts.length; i++) {
                cell(row, i + 2, texts[i] == null ? "" : texts[i], styles.wrap);
            }
            r++;
        }
        sheet.setColumnWidth(1, 30 * 256);
        for (int i = 2; i < headers.length; i++) {
            sheet.setColumnWidth(i, 40 * 256);
        }
    }

    private static void text(Sheet sheet, int row, int column, String value, CellStyle style) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        cell(r, column, value, style);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** The few styles the workbook uses, made once (a workbook holds a limited number of styles). */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle title;
        final CellStyle centred;
        final CellStyle header;
        final CellStyle border;
        final CellStyle boldBorder;
        final CellStyle number;
        final CellStyle boldNumber;
        final CellStyle percent;
        final CellStyle wrap;

        Styles(XSSFWorkbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            title = workbook.createCellStyle();
            title.setFont(boldFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            centred = workbook.createCellStyle();
            centred.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(workbook);
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            border = bordered(workbook);
            boldBorder = bordered(workbook);
            boldBorder.setFont(boldFont);
            short thousands = workbook.createDataFormat().getFormat("#,##0");
            number = bordered(workbook);
            number.setDataFormat(thousands);
            boldNumber = bordered(workbook);
            boldNumber.setDataFormat(thousands);
            boldNumber.setFont(boldFont);
            percent = bordered(workbook);
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            wrap = bordered(workbook);
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
