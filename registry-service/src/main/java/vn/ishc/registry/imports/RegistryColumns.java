package vn.ishc.registry.imports;

import vn.ishc.kit.imports.job.ImportColumn;

import java.util.ArrayList;
import java.util.List;

/** The columns of the club and member lists, as the templates show them. */
final class RegistryColumns {

    private RegistryColumns() {
    }

    static List<ImportColumn> clubs(boolean establishedRequired) {
        return List.of(
                ImportColumn.optional("districtCode", "Huyện/thành phố", "165",
                        "Mã huyện (3 chữ số) hoặc tên huyện; giúp phân biệt hai xã trùng tên", "Huyện", "Mã huyện", "Quận/huyện"),
                ImportColumn.required("communeCode", "Xã/phường/thị trấn", "05494",
                        "Mã xã (5 chữ số) hoặc tên xã, ví dụ 05494 hoặc Lương Sơn", "Xã", "Mã xã", "Xã/phường", "Phường/xã"),
                ImportColumn.required("clubName", "Tên câu lạc bộ", "CLB Liên thế hệ tự giúp nhau xã Lương Sơn",
                        "Tên đầy đủ của câu lạc bộ (3–200 ký tự); cùng xã và cùng tên là cùng một câu lạc bộ", "Câu lạc bộ", "CLB", "name"),
                ImportColumn.optional("hamlet", "Thôn/xóm/tổ", "Xóm Trại", "Nơi câu lạc bộ sinh hoạt", "Thôn", "Xóm", "Tổ dân phố"),
                establishedRequired
                        ? ImportColumn.required("establishedOn", "Ngày thành lập CLB", "15/03/2018",
                        "Ngày/tháng/năm (15/03/2018), hoặc ô ngày của Excel", "Ngày thành lập")
                        : ImportColumn.optional("establishedOn", "Ngày thành lập CLB", "15/03/2018",
                        "Bắt buộc khi câu lạc bộ chưa có trong hệ thống; ngày/tháng/năm hoặc ô ngày của Excel", "Ngày thành lập"));
    }

    static List<ImportColumn> members() {
        List<ImportColumn> columns = new ArrayList<>(clubs(false));
        columns.addAll(List.of(
                ImportColumn.required("fullName", "Họ và tên", "Nguyễn Thị Lan", "Họ tên đầy đủ, có dấu", "Họ tên", "Tên hội viên"),
                ImportColumn.required("gender", "Giới tính", "Nữ", "Nam hoặc Nữ", "Giới"),
                ImportColumn.optional("birthDate", "Ngày sinh", "20/08/1955",
                        "Ngày/tháng/năm; nếu chỉ biết năm, ghi năm (1955)", "Ngày sinh hoặc năm sinh", "Ngày tháng năm sinh"),
                ImportColumn.optional("birthYear", "Năm sinh", "1955", "Chỉ khi không có cột Ngày sinh, hoặc để đối chiếu"),
                ImportColumn.required("householdStatus", "Hoàn cảnh gia đình", "Cận nghèo",
                        "Nghèo, Cận nghèo, Khó khăn hoặc Không", "Hoàn cảnh", "Diện hộ", "Hộ"),
                ImportColumn.optional("householdStatusYear", "Năm công nhận hộ nghèo/cận nghèo", "2018",
                        "Năm hộ được công nhận nghèo hoặc cận nghèo", "Năm công nhận"),
                ImportColumn.optional("ethnicMinority", "Dân tộc thiểu số", "Không", "Có hoặc Không", "DTTS"),
                ImportColumn.optional("phone", "Số điện thoại", "0912 345 678", "Số di động hoặc cố định", "Điện thoại", "SĐT"),
                ImportColumn.required("joinedOn", "Ngày tham gia", "01/04/2018", "Ngày vào câu lạc bộ, ngày/tháng/năm", "Ngày vào CLB")));
        return columns;
    }
}
