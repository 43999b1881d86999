package vn.ishc.registry.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.ishc.kit.export.CursorExport;
import vn.ishc.kit.export.TableFormat;
import vn.ishc.kit.text.SearchText;
import vn.ishc.kit.time.VietnamClock;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes the club and member lists to a file straight from the database, row by row (the kit's {@link CursorExport}). */
@ApplicationScoped
public class ListExports {

    /** A list's filters, as the list endpoints take them. */
    public record Filters(String districtCode, String communeCode, String clubId, String status, String q) {
    }

    static final List<String> CLUB_HEADERS = List.of("Mã CLB", "Tên câu lạc bộ", "Mã xã", "Xã, phường, thị trấn", "Mã huyện", "Huyện, thành phố",
            "Thôn, tổ", "Ngày thành lập", "Trạng thái", "Ngày ngừng hoạt động", "Hội viên đang sinh hoạt");

    static final List<String> MEMBER_HEADERS = List.of("Mã hội viên", "Mã CLB", "Tên câu lạc bộ", "Mã xã", "Mã huyện", "Họ và tên", "Giới tính",
            "Ngày sinh", "Năm sinh", "Người cao tuổi", "Hoàn cảnh gia đình", "Năm xác nhận hộ", "Dân tộc thiểu số", "Điện thoại",
            "Ngày tham gia", "Ngày rời CLB", "Trạng thái");

    /** The member columns a viewer's export keeps: no name, birth date or year, phone or ethnicity. */
    static final List<String> PERSONAL = List.of("Họ và tên", "Ngày sinh", "Năm sinh", "Dân tộc thiểu số", "Điện thoại");

    @Inject
    AgroalDataSource database;

    @Inject
    VietnamClock clock;

    public void clubs(Filters filters, ExportScope scope, TableFormat format, OutputStream out) {
        List<Object> params = new ArrayList<>();
        String sql = """
                select c.id, c.name, c.commune_code, commune.full_name, c.district_code, district.full_name, c.hamlet, c.established_on,
                       c.status, c.closed_on, (select count(*) from member m where m.club_id = c.id and m.status = 'ACTIVE')
                from club c
                left join lateral (select full_name from admin_unit u where u.code = c.commune_code order by valid_from desc nulls last limit 1) commune on true
                left join lateral (select full_name from admin_unit u where u.code = c.district_code order by valid_from desc nulls last limit 1) district on true
                where 1 = 1""" + clubFilters(filters, scope, params, "c") + " order by c.district_code, c.commune_code, c.search_name, c.id";
        stream(sql, params, format, out, "Câu lạc bộ", CLUB_HEADERS, row -> List.of(
                row.getObject(1).toString(), row.getString(2), row.getString(3), orEmpty(row.getString(4)), row.getString(5),
                orEmpty(row.getString(6)), orEmpty(row.getString(7)), row.getObject(8, LocalDate.class), clubStatus(row.getString(9)),
                orEmpty(row.getObject(10, LocalDate.class)), row.getLong(11)));
    }

    public void members(Filters filters, ExportScope scope, TableFormat format, OutputStream out) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(clubFilters(new Filters(filters.districtCode(), filters.communeCode(), filters.clubId(), null, null),
                scope, params, "c"));
        if (filters.status() != null) {
            where.append(" and m.status = ?");
            params.add(filters.status());
        }
        String sql = """
                select m.id, c.id, c.name, c.commune_code, c.district_code, m.full_name, m.gender, m.birth_date, m.birth_year,
                       m.household_status, m.household_status_year, m.ethnic_minority, m.phone, m.joined_on, m.left_on, m.status
                from member m join club c on c.id = m.club_id
                where 1 = 1""" + where + " order by c.district_code, c.commune_code, c.search_name, c.id, m.search_name, m.id";
        LocalDate today = clock.today();
        List<String> headers = scope.personal() ? MEMBER_HEADERS : MEMBER_HEADERS.stream().filter(h -> !PERSONAL.contains(h)).toList();
        stream(sql, params, format, out, "Hội viên", headers, row -> {
            LocalDate birthDate = row.getObject(8, LocalDate.class);
            Integer birthYear = (Integer) row.getObject(9);
            int year = birthDate != null ? birthDate.getYear() : birthYear;
            boolean older = birthDate != null ? !birthDate.plusYears(60).isAfter(today) : today.getYear() - year >= 60;
            List<Object> all = new ArrayList<>(List.of(row.getObject(1).toString(), row.getObject(2).toString(), row.getString(3), row.getString(4),
                    row.getString(5)));
            all.add(scope.personal() ? row.getString(6) : SKIP);
            all.add("FEMALE".equals(row.getString(7)) ? "Nữ" : "Nam");
            all.add(scope.personal() ? orEmpty(birthDate) : SKIP);
            all.add(scope.personal() ? orEmpty(birthYear == null ? year : birthYear) : SKIP);
            all.add(older);
            all.add(household(row.getString(10)));
            all.add(orEmpty(row.getObject(11)));
            all.add(scope.personal() ? orEmpty(row.getObject(12)) : SKIP);
            all.add(scope.personal() ? orEmpty(row.getString(13)) : SKIP);
            all.add(row.getObject(14, LocalDate.class));
            all.add(orEmpty(row.getObject(15, LocalDate.class)));
            all.add("ACTIVE".equals(row.getString(16)) ? "Đang sinh hoạt" : "Đã rời");
            return all.stream().filter(v -> v != SKIP).toList();
        });
    }

    /** A column left out of this export. */
    private static final Object SKIP = new Object();
    /** An empty cell (List.of refuses null). */
    private static final Object EMPTY = "";

    private static Object orEmpty(Object value) {
        return value == null ? EMPTY : value;
    }

    private static String clubStatus(String status) {
        return "ACTIVE".equals(status) ? "Đang hoạt động" : "Ngừng hoạt động";
    }

    private static String household(String status) {
        return switch (status) {
            case "POOR" -> "Nghèo";
            case "NEAR_POOR" -> "Cận nghèo";
            case "HARDSHIP" -> "Khó khăn";
            default -> "Không";
        };
    }

    private static String clubFilters(Filters f, ExportScope scope, List<Object> params, String alias) {
        StringBuilder where = new StringBuilder();
        String district = scope.district() != null ? scope.district() : f.districtCode();
        if (district != null) {
            where.append(" and ").append(alias).append(".district_code = ?");
            params.add(district);
        }
        if (f.communeCode() != null) {
            where.append(" and ").append(alias).append(".commune_code = ?");
            params.add(f.communeCode());
        }
        if (f.clubId() != null) {
            where.append(" and ").append(alias).append(".id = cast(? as uuid)");
            params.add(f.clubId());
        }
        if (f.status() != null) {
            where.append(" and ").append(alias).append(".status = ?");
            params.add(f.status());
        }
        if (f.q() != null) {
            where.append(" and ").append(alias).append(".search_name like ?");
            params.add(SearchText.containsPattern(f.q()));
        }
        return where.toString();
    }

    private void stream(String sql, List<Object> params, TableFormat format, OutputStream out, String sheet, List<String> headers,
                        CursorExport.RowReader reader) {
        CursorExport.write(database, sql, params, format, out, sheet, headers, reader);
    }
}
