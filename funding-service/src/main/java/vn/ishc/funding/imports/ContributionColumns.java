package vn.ishc.funding.imports;

import vn.ishc.kit.imports.job.ImportColumn;

import java.util.List;

/** The columns of the contribution list, as the template shows them: the donor's, then the contribution's. */
final class ContributionColumns {

    private ContributionColumns() {
    }

    static List<ImportColumn> all() {
        return List.of(
                ImportColumn.required("donorName", "Tên nhà tài trợ", "Công ty TNHH Gang thép Thái Nguyên",
                        "Tên đầy đủ (1–300 ký tự). Cùng huyện, cùng tên (không phân biệt hoa thường, dấu, khoảng trắng) và cùng loại là "
                                + "cùng một nhà tài trợ; chưa có thì được đăng ký mới", "Nhà tài trợ", "Tên người/đơn vị đóng góp"),
                ImportColumn.required("donorType", "Loại nhà tài trợ", "Doanh nghiệp",
                        "Cá nhân, Doanh nghiệp, Tổ chức, Đoàn thể, Cơ quan nhà nước, Tổ chức quốc tế hoặc Hội viên", "Loại"),
                ImportColumn.optional("donorPhone", "Điện thoại nhà tài trợ", "0208 3855 123",
                        "Chỉ dùng khi đăng ký nhà tài trợ mới; không sửa nhà tài trợ đã có", "Điện thoại", "SĐT"),
                ImportColumn.optional("donorEmail", "Thư điện tử nhà tài trợ", "lienhe@example.vn",
                        "Chỉ dùng khi đăng ký nhà tài trợ mới; không sửa nhà tài trợ đã có", "Email", "Thư điện tử"),
                ImportColumn.required("form", "Hình thức", "Tiền mặt", "Tiền mặt, Hiện vật hoặc Ngày công", "Hình thức đóng góp"),
                ImportColumn.required("amountVnd", "Số tiền (đồng)", "15.000.000",
                        "Giá trị quy ra tiền, số nguyên đồng: 15.000.000 hoặc 15000000", "Số tiền", "Giá trị (đồng)", "Giá trị", "Thành tiền"),
                ImportColumn.optional("valuationNote", "Cách tính giá trị", "30 bao xi măng theo giá hóa đơn",
                        "Bắt buộc với hiện vật và ngày công: giá trị được quy ra tiền thế nào", "Ghi chú quy đổi", "Cách quy đổi"),
                ImportColumn.required("receivedOn", "Ngày nhận", "20/05/2019",
                        "Ngày/tháng/năm (20/05/2019) hoặc ô ngày của Excel; không được sau hôm nay", "Ngày"),
                ImportColumn.optional("districtCode", "Huyện", "164",
                        "Mã huyện (3 chữ số) hoặc tên huyện. Cán bộ huyện để trống là huyện mình; tỉnh để trống (và không ghi câu lạc bộ) "
                                + "là khoản đóng góp cấp tỉnh. Chỉ ghi với ngày nhận khi tỉnh còn chia theo huyện", "Huyện/thành phố", "Mã huyện",
                        "Quận/huyện"),
                ImportColumn.optional("communeCode", "Xã, phường", "05443",
                        "Với ngày nhận sau khi bỏ cấp huyện (cải cách năm 2025): mã xã, phường trực thuộc tỉnh (5 chữ số) hoặc tên. "
                                + "Để trống (và không ghi câu lạc bộ) là khoản đóng góp cấp tỉnh", "Xã/phường", "Phường/xã", "Mã xã"),
                ImportColumn.optional("clubId", "Mã câu lạc bộ", "4ce78d5b-c381-4ef3-a1a9-08d9936622b1",
                        "Mã (id) của câu lạc bộ nhận trong hệ thống đăng ký, nếu khoản đóng góp dành cho một câu lạc bộ; "
                                + "huyện khi đó là huyện của câu lạc bộ", "Câu lạc bộ", "Mã CLB"),
                ImportColumn.optional("purpose", "Mục đích", "Quỹ tín dụng quay vòng", "Tối đa 500 ký tự"),
                ImportColumn.optional("receiptNo", "Số biên lai", "PT-2019-0142",
                        "Số phiếu thu, duy nhất trong huyện (tối đa 50 ký tự). Cần Số biên lai hoặc Mã dòng: nhập lại cùng tệp không ghi "
                                + "trùng; một số biên lai đã ghi với giá trị khác là lỗi (khoản đã ghi không sửa được, chỉ hủy được)",
                        "Số phiếu thu", "Biên lai", "Số phiếu"),
                ImportColumn.optional("rowKey", "Mã dòng", "DG-2019-001",
                        "Khi không có số biên lai: một mã riêng của dòng trong huyện (tối đa 100 ký tự), giữ nguyên khi nhập lại tệp",
                        "Mã khoản"));
    }
}
