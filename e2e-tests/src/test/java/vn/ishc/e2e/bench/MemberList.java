package vn.ishc.e2e.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A province's member list as districts fill in the import template: clubs spread over communes, about
 * two thirds women, most members 60 or older, some poor or near-poor households, dates typed in the
 * forms people use (Excel date cells, dd/mm/yyyy text, a birth year alone). The same people are written
 * as a workbook, as CSV, and as the rows of registry's member table for PostgreSQL's COPY.
 */
final class MemberList {

    static final List<String> HEADERS = List.of("Xã/phường/thị trấn", "Tên câu lạc bộ", "Ngày thành lập CLB", "Họ và tên", "Giới tính",
            "Ngày sinh", "Hoàn cảnh gia đình", "Năm công nhận hộ nghèo/cận nghèo", "Dân tộc thiểu số", "Số điện thoại", "Ngày tham gia");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"};
    private static final String[] GIVEN = {"Lan", "Hoa", "Mai", "Đào", "Cúc", "Hương", "Thảo", "Minh", "Tư", "Bảy", "Sáu", "Thành", "Hùng",
            "Dũng", "Nga", "Yến", "Liên", "Phúc", "Lộc", "Thọ", "Vân", "Hạnh", "Tâm", "Sơn", "Hải"};
    private static final String[] MIDDLE_WOMEN = {"Thị", "Thị Thu", "Thị Kim", "Thị Ngọc"};
    private static final String[] MIDDLE_MEN = {"Văn", "Đức", "Văn Quang", "Xuân"};

    /** A commune the clubs may be in: its code, name and district. */
    record Commune(String code, String name, String districtCode) {
    }

    record Club(UUID copyId, String communeCode, String districtCode, String name, LocalDate establishedOn) {
    }

    /** One row of the list; birthDate null when only the year is known. */
    record Person(Club club, boolean firstOfClub, String fullName, boolean female, LocalDate birthDate, int birthYear,
                  String household, Integer householdYear, Boolean ethnicMinority, String phone, LocalDate joinedOn, int form) {
    }

    /** Whether a club's founding date is on its first row only (-Dbench.foundingDateOnce=true), as the template allows. */
    private final boolean foundingDateOnce = Boolean.getBoolean("bench.foundingDateOnce");
    final List<Club> clubs = new ArrayList<>();
    final List<Person> people = new ArrayList<>();

    /** {@code clubs} clubs of {@code members} members, named with {@code tag} so that every run creates new clubs. */
    MemberList(List<Commune> communes, int clubCount, int members, String tag) {
        for (int c = 0; c < clubCount; c++) {
            Commune commune = communes.get(c % communes.size());
            Club club = new Club(UUID.randomUUID(), commune.code(), commune.districtCode(),
                    "CLB Liên thế hệ tự giúp nhau " + commune.name() + " số " + (c + 1) + " " + tag,
                    LocalDate.of(2018, 1, 10).plusDays(c % 300));
            clubs.add(club);
            for (int m = 0; m < members; m++) {
                boolean female = m % 20 < 13;
                // (m % 12, m / 12) differs for every member of a club of up to 12 × 25 people: names are unique in the club
                String fullName = FAMILY[m % FAMILY.length] + " " + (female ? MIDDLE_WOMEN : MIDDLE_MEN)[(c + m) % 4] + " "
                        + GIVEN[(m / FAMILY.length + c) % GIVEN.length];
                int year = 1940 + (c * 61 + m * 7) % 36;
                int form = m % 3;
                LocalDate birthDate = form == 2 ? null : LocalDate.of(year, 1 + m % 12, 1 + (c + m) % 28);
                String household = switch (m % 10) {
                    case 0 -> "Nghèo";
                    case 1 -> "Cận nghèo";
                    case 2 -> "Khó khăn";
                    default -> "Không";
                };
                Integer householdYear = m % 10 == 0 ? Integer.valueOf(2017) : m % 10 == 1 ? Integer.valueOf(2018) : null;
                Boolean ethnic = m % 4 == 0 ? Boolean.TRUE : m % 4 == 3 ? null : Boolean.FALSE;
                String phone = m % 2 == 0 ? String.format("09%02d %03d %03d", (c + m) % 100, (c * 7 + m) % 1000, (m * 13 + c) % 1000) : null;
                people.add(new Person(club, m == 0, fullName, female, birthDate, year, household, householdYear, ethnic, phone,
                        club.establishedOn().plusDays(m % 40), form));
            }
        }
    }

    /** The list as a workbook, streamed (POI's SXSSF, 500 rows in memory). */
    byte[] workbook() throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = workbook.createSheet("Hội viên");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            int r = 1;
            for (Person p : people) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.club().communeCode());
                row.createCell(1).setCellValue(p.club().name());
                // The founding date on every row (as a date cell or as typed text): given on the first row only, the
                // other rows of a club in a commune renamed or reclassified since are refused (see docs/benchmarks.md).
                if (foundingDateOnce && !p.firstOfClub()) {
                    // left blank
                } else if (r % 2 == 0) {
                    dateCell(row.createCell(2), p.club().establishedOn(), date);
                } else {
                    row.createCell(2).setCellValue(DMY.format(p.club().establishedOn()));
                }
                row.createCell(3).setCellValue(p.fullName());
                row.createCell(4).setCellValue(p.female() ? "Nữ" : "Nam");
                switch (p.form()) {
                    case 0 -> dateCell(row.createCell(5), p.birthDate(), date);
                    case 1 -> row.createCell(5).setCellValue(DMY.format(p.birthDate()));
                    default -> row.createCell(5).setCellValue(p.birthYear());
                }
                row.createCell(6).setCellValue(p.household());
                if (p.householdYear() != null) {
                    row.createCell(7).setCellValue(p.householdYear());
                }
                if (p.ethnicMinority() != null) {
                    row.createCell(8).setCellValue(p.ethnicMinority() ? "Có" : "Không");
                }
                if (p.phone() != null) {
                    row.createCell(9).setCellValue(p.phone());
                }
                if (p.form() == 1) {
                    row.createCell(10).setCellValue(DMY.format(p.joinedOn()));
                } else {
                    dateCell(row.createCell(10), p.joinedOn(), date);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } finally {
            workbook.close();
        }
    }

    private static void dateCell(Cell cell, LocalDate day, CellStyle style) {
        cell.setCellValue(day);
        cell.setCellStyle(style);
    }

    /** The list as CSV (UTF-8 with BOM, comma-separated), every value as text. */
    byte[] csv() {
        StringBuilder text = new StringBuilder("\uFEFF").append(String.join(",", HEADERS)).append("\r\n");
        for (Person p : people) {
            text.append(p.club().communeCode()).append(',').append(p.club().name()).append(',')
                    .append(foundingDateOnce && !p.firstOfClub() ? "" : DMY.format(p.club().establishedOn())).append(',')
                    .append(p.fullName()).append(',').append(p.female() ? "Nữ" : "Nam").append(',')
                    .append(p.birthDate() != null ? DMY.format(p.birthDate()) : String.valueOf(p.birthYear())).append(',')
                    .append(p.household()).append(',').append(p.householdYear() == null ? "" : p.householdYear()).append(',')
                    .append(p.ethnicMinority() == null ? "" : p.ethnicMinority() ? "Có" : "Không").append(',')
                    .append(p.phone() == null ? "" : p.phone()).append(',')
                    .append(DMY.format(p.joinedOn())).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same people as rows of registry's member table, in the columns an import writes, as COPY's CSV
     * input; their clubs are the {@link Club#copyId}s, registered for the baseline only.
     */
    String copyRows(String actor) {
        StringBuilder text = new StringBuilder();
        String now = java.time.OffsetDateTime.now().toString();
        for (Person p : people) {
            text.append(UUID.randomUUID()).append(',').append(p.club().copyId()).append(',')
                    .append(p.fullName()).append(',').append(fold(p.fullName())).append(',')
                    .append(p.female() ? "FEMALE" : "MALE").append(',')
                    .append(p.birthDate() == null ? "" : p.birthDate()).append(',')
                    .append(p.birthDate() == null ? String.valueOf(p.birthYear()) : "").append(',')
                    .append(switch (p.household()) {
                        case "Nghèo" -> "POOR";
                        case "Cận nghèo" -> "NEAR_POOR";
                        case "Khó khăn" -> "HARDSHIP";
                        default -> "NONE";
                    }).append(',')
                    .append(p.householdYear() == null ? "" : p.householdYear()).append(',')
                    .append(p.ethnicMinority() == null ? "" : p.ethnicMinority()).append(',')
                    .append(p.phone() == null ? "" : p.phone()).append(',')
                    .append(p.joinedOn()).append(",ACTIVE,1,").append(now).append(',').append(actor).append(',')
                    .append(now).append(',').append(actor).append('\n');
        }
        return text.toString();
    }

    static final String COPY_COLUMNS = "id, club_id, full_name, search_name, gender, birth_date, birth_year, household_status, "
            + "household_status_year, ethnic_minority, phone, joined_on, status, version, created_at, created_by, updated_at, updated_by";

    /** Lower case without Vietnamese marks, as registry folds names for search. */
    static String fold(String text) {
        String bare = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
        return bare.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
