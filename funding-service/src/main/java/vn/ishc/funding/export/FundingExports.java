package vn.ishc.funding.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.ishc.funding.donor.DonorType;
import vn.ishc.kit.export.CursorExport;
import vn.ishc.kit.export.TableFormat;
import vn.ishc.kit.time.VietnamClock;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the contribution and pledge lists to a file straight from the database. A donor who is a
 * person is named only for the province and for the officers of the district that registered them,
 * as in the API; a viewer's file names no donor.
 */
@ApplicationScoped
public class FundingExports {

    /** Who is exporting: whether they see every donor's name, and, for an officer, their district or communes. */
    public record Reader(boolean allNames, boolean noNames, String district, Set<String> communes) {
    }

    public record ContributionFilters(String districtCode, String communeCode, String clubId, String donorId, String form, String status, LocalDate from,
                                      LocalDate to) {
    }

    static final List<String> CONTRIBUTION_HEADERS = List.of("Mã khoản đóng góp", "Ngày nhận", "Nhà tài trợ", "Loại nhà tài trợ", "Hình thức",
            "Số tiền (đồng)", "Cách định giá", "Mã huyện", "Huyện, thành phố", "Mã xã, phường", "Xã, phường", "Mã CLB", "Mã cam kết", "Số phiếu thu", "Mục đích", "Trạng thái",
            "Ngày hủy bỏ", "Lý do hủy bỏ");

    static final List<String> DONOR_HEADERS = List.of("Mã nhà tài trợ", "Tên", "Loại nhà tài trợ", "Điện thoại", "Thư điện tử",
            "Huyện đăng ký", "Xã, phường đăng ký");

    static final List<String> PLEDGE_HEADERS = List.of("Mã cam kết", "Ngày cam kết", "Nhà tài trợ", "Loại nhà tài trợ", "Số tiền cam kết (đồng)",
            "Hạn thực hiện", "Mã huyện", "Huyện, thành phố", "Mã xã, phường", "Xã, phường", "Mã CLB", "Đã thực hiện (đồng)", "Còn lại (đồng)", "Trạng thái", "Ngày hủy", "Lý do hủy");

    @Inject
    AgroalDataSource database;

    @Inject
    VietnamClock clock;

    public void contributions(ContributionFilters f, Reader reader, TableFormat format, OutputStream out) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        equal(where, params, "c.district_code", f.districtCode());
        equal(where, params, "c.commune_code", f.communeCode());
        equal(where, params, "c.club_id", f.clubId() == null ? null : java.util.UUID.fromString(f.clubId()));
        equal(where, params, "c.donor_id", f.donorId() == null ? null : java.util.UUID.fromString(f.donorId()));
        equal(where, params, "c.form", f.form());
        equal(where, params, "c.status", f.status());
        if (f.from() != null) {
            where.append(" and c.received_on >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            where.append(" and c.received_on <= ?");
            params.add(f.to());
        }
        String sql = """
                select c.id, c.received_on, d.name, d.type, d.district_code, c.form, c.amount_vnd, c.valuation_note, c.district_code,
                       (select r.full_name from admin_unit_replica r where r.code = c.district_code and r.level = 'DISTRICT'
                        order by r.valid_from desc nulls last limit 1),
                       c.club_id, c.pledge_id, c.receipt_no, c.purpose, c.status, c.reversed_on, c.reversal_reason, d.commune_codes,
                       c.commune_code, (""" + COMMUNE_NAME.formatted("c.commune_code", "c.received_on") + """
                )
                from contribution c join donor d on d.id = c.donor_id
                where 1 = 1""" + where + " order by c.received_on, c.id";
        CursorExport.write(database, sql, params, format, out, "Đóng góp", CONTRIBUTION_HEADERS, row -> List.of(
                row.getObject(1).toString(), row.getObject(2, LocalDate.class), donorName(reader, row.getString(3), row.getString(4), row.getString(5), row.getString(18)),
                DONOR_TYPES.getOrDefault(row.getString(4), row.getString(4)), FORMS.getOrDefault(row.getString(6), row.getString(6)), row.getLong(7),
                text(row.getString(8)), text(row.getString(9)), text(row.getString(10)), text(row.getString(19)), text(row.getString(20)),
                text(row.getObject(11)), text(row.getObject(12)),
                text(row.getString(13)), text(row.getString(14)), "RECORDED".equals(row.getString(15)) ? "Đã ghi nhận" : "Đã hủy bỏ",
                text(row.getObject(16, LocalDate.class)), text(row.getString(17))));
    }

    public void pledges(String districtCode, String communeCode, String donorId, String status, Reader reader, TableFormat format, OutputStream out) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        equal(where, params, "p.district_code", districtCode);
        equal(where, params, "p.commune_code", communeCode);
        equal(where, params, "p.donor_id", donorId == null ? null : java.util.UUID.fromString(donorId));
        String sql = """
                select * from (
                  select p.id, p.pledged_on, d.name, d.type, d.district_code as donor_district, p.amount_vnd, p.due_on, p.district_code,
                         (select r.full_name from admin_unit_replica r where r.code = p.district_code and r.level = 'DISTRICT'
                          order by r.valid_from desc nulls last limit 1) as district_name,
                         p.club_id,
                         (select coalesce(sum(c.amount_vnd), 0) from contribution c where c.pledge_id = p.id and c.status = 'RECORDED') as given,
                         p.cancelled_on, p.cancel_reason, d.commune_codes as donor_communes, p.commune_code,
                         (""" + COMMUNE_NAME.formatted("p.commune_code", "p.pledged_on") + """
                ) as commune_name
                  from pledge p join donor d on d.id = p.donor_id
                  where 1 = 1""" + where + """
                ) pledges
                where (cast(? as varchar) is null
                       or ? = case when cancelled_on is not null then 'CANCELLED' when given >= amount_vnd then 'FULFILLED' else 'OPEN' end)
                order by pledged_on, id""";
        params.add(status);
        params.add(status);
        CursorExport.write(database, sql, params, format, out, "Cam kết", PLEDGE_HEADERS, row -> {
            long promised = row.getLong(6);
            long given = row.getLong(11);
            LocalDate cancelled = row.getObject(12, LocalDate.class);
            String state = cancelled != null ? "CANCELLED" : given >= promised ? "FULFILLED" : "OPEN";
            return List.of(row.getObject(1).toString(), row.getObject(2, LocalDate.class),
                    donorName(reader, row.getString(3), row.getString(4), row.getString(5), row.getString(14)),
                    DONOR_TYPES.getOrDefault(row.getString(4), row.getString(4)), promised, text(row.getObject(7, LocalDate.class)),
                    text(row.getString(8)), text(row.getString(9)), text(row.getString(15)), text(row.getString(16)), text(row.getObject(10)),
                    given, cancelled != null ? 0L : Math.max(0, promised - given), PLEDGE_STATES.get(state), text(cancelled), text(row.getString(13)));
        });
    }

    private static final Set<String> PERSONS = DonorType.persons().stream().map(Enum::name).collect(Collectors.toSet());

    /**
     * The donors, as the donor list shows them: a person registered by another district is left out
     * for an officer (a list of names would reveal who gives).
     */
    public void donors(String type, String q, Reader reader, TableFormat format, OutputStream out) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        equal(where, params, "d.type", type);
        if (q != null) {
            where.append(" and d.search_name like ?");
            params.add(vn.ishc.kit.text.SearchText.containsPattern(q));
        }
        if (!reader.allNames()) {
            where.append(" and (d.type not in (").append(PERSONS.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ")))
                    .append(") or d.district_code = ?");
            params.add(reader.district() == null ? "-" : reader.district());
            for (String commune : reader.communes()) {
                where.append(" or d.commune_codes like ?");
                params.add("%," + commune + ",%");
            }
            where.append(")");
        }
        String sql = "select d.id, d.name, d.type, d.phone, d.email, d.district_code, d.commune_codes from donor d where 1 = 1" + where
                + " order by d.search_name, d.id";
        CursorExport.write(database, sql, params, format, out, "Nhà tài trợ", DONOR_HEADERS, row -> List.of(
                row.getObject(1).toString(), row.getString(2), DONOR_TYPES.getOrDefault(row.getString(3), row.getString(3)),
                text(row.getString(4)), text(row.getString(5)), text(row.getString(6)), communes(row.getString(7))));
    }

    /** The name of the commune in force on the item's date (a code may name an older commune before the 2025 reform). */
    private static final String COMMUNE_NAME = "select r.full_name from admin_unit_replica r where r.code = %1$s and r.level = 'COMMUNE' "
            + "and (r.valid_from is null or r.valid_from <= %2$s) and (r.valid_to is null or r.valid_to > %2$s) limit 1";

    /**
     * A person's name is shown to the province and to the officers of the district (or the area officers of
     * the communes) that registered them; organisations to all but viewers.
     */
    static String donorName(Reader reader, String name, String type, String donorDistrict, String donorCommunes) {
        if (reader.noNames()) {
            return "";
        }
        if (reader.allNames() || !PERSONS.contains(type) || (donorDistrict != null && donorDistrict.equals(reader.district()))
                || (donorCommunes != null && reader.communes().stream().anyMatch(c -> donorCommunes.contains("," + c + ",")))) {
            return name;
        }
        return "(cá nhân)";
    }

    /** ",05443,05482," as "05443, 05482". */
    private static Object communes(String joined) {
        return joined == null ? "" : String.join(", ", java.util.Arrays.stream(joined.split(",")).filter(c -> !c.isEmpty()).toList());
    }

    private static final java.util.Map<String, String> DONOR_TYPES = java.util.Map.of("INDIVIDUAL", "Cá nhân", "BUSINESS", "Doanh nghiệp",
            "ORGANIZATION", "Tổ chức", "MASS_ORGANIZATION", "Đoàn thể", "GOVERNMENT", "Cơ quan nhà nước", "INTERNATIONAL", "Tổ chức quốc tế",
            "MEMBER", "Hội viên");
    private static final java.util.Map<String, String> FORMS = java.util.Map.of("CASH", "Tiền mặt", "IN_KIND", "Hiện vật", "LABOUR", "Ngày công");
    private static final java.util.Map<String, String> PLEDGE_STATES = java.util.Map.of("OPEN", "Đang thực hiện", "FULFILLED", "Đã thực hiện đủ",
            "CANCELLED", "Đã hủy");

    /** The value as it is, or an empty cell. */
    private static Object text(Object value) {
        return value == null ? "" : value instanceof java.util.UUID id ? id.toString() : value;
    }

    private static void equal(StringBuilder where, List<Object> params, String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
