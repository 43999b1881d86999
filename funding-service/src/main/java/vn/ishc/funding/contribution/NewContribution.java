package vn.ishc.funding.contribution;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/contributions}. {@code amountVnd} is read as an exact number so
 * that decimals and values beyond the limit are refused by name, never rounded or overflowed.
 */
@Schema(name = "NewContribution", example = """
        {"donorId": "3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f607", "form": "IN_KIND", "amountVnd": 15000000,
         "valuationNote": "30 bao xi măng theo giá hóa đơn của đại lý", "receivedOn": "2019-05-20",
         "clubId": "4ce78d5b-c381-4ef3-a1a9-08d9936622b1", "purpose": "Sửa nhà cho hội viên nghèo", "receiptNo": "PT-2019-0142"}""")
public record NewContribution(
        @Schema(description = "Nhà tài trợ") @NotNull(message = "{field.required}") UUID donorId,
        @Schema(description = "Hình thức: tiền mặt, hiện vật, ngày công", example = "CASH") @NotNull(message = "{field.required}") ContributionForm form,
        @Schema(description = "Giá trị quy ra tiền (đồng), số nguyên từ 1 đến 10^13", example = "5000000", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int64",
                minimum = "1", maximum = "10000000000000")
        @NotNull(message = "{field.required}") BigDecimal amountVnd,
        @Schema(description = "Cách tính giá trị (bắt buộc với hiện vật và ngày công)", example = "20 ngày công × 250.000 đồng") String valuationNote,
        @Schema(description = "Ngày nhận", example = "2019-05-20") @NotNull(message = "{field.required}") LocalDate receivedOn,
        @Schema(description = "Mã huyện nhận, với ngày nhận khi tỉnh còn chia theo huyện (bỏ trống nếu cấp tỉnh hoặc đã có clubId)", example = "164") String districtCode,
        @Schema(description = "Mã xã, phường trực thuộc tỉnh nhận, với ngày nhận từ cải cách 2025 khi không còn cấp huyện (bỏ trống nếu cấp tỉnh hoặc đã có clubId)", example = "05443") String communeCode,
        @Schema(description = "Câu lạc bộ nhận") UUID clubId,
        @Schema(description = "Cam kết tài trợ mà khoản này thực hiện") UUID pledgeId,
        @Schema(description = "Mục đích", example = "Quỹ tín dụng quay vòng") String purpose,
        @Schema(description = "Số phiếu thu, duy nhất trong một huyện", example = "PT-2019-0142") String receiptNo) {
}
