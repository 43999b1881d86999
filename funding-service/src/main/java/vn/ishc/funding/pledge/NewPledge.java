package vn.ishc.funding.pledge;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The body of {@code POST /api/v1/pledges}. */
@Schema(name = "NewPledge", example = """
        {"donorId": "3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f607", "amountVnd": 50000000, "pledgedOn": "2019-03-01",
         "dueOn": "2019-12-31", "districtCode": "164", "note": "Ủng hộ quỹ chăm sóc người cao tuổi"}""")
public record NewPledge(
        @Schema(description = "Nhà tài trợ") @NotNull(message = "{field.required}") UUID donorId,
        @Schema(description = "Số tiền cam kết (đồng)", example = "50000000", type = SchemaType.INTEGER, format = "int64",
                minimum = "1", maximum = "10000000000000")
        @NotNull(message = "{field.required}") BigDecimal amountVnd,
        @Schema(description = "Ngày cam kết", example = "2019-03-01") @NotNull(message = "{field.required}") LocalDate pledgedOn,
        @Schema(description = "Hạn thực hiện", example = "2019-12-31") LocalDate dueOn,
        @Schema(description = "Mã huyện, với ngày cam kết khi tỉnh còn chia theo huyện (bỏ trống nếu cấp tỉnh hoặc đã có clubId)", example = "164") String districtCode,
        @Schema(description = "Mã xã, phường trực thuộc tỉnh, với ngày cam kết từ cải cách 2025 (bỏ trống nếu cấp tỉnh hoặc đã có clubId)", example = "05443") String communeCode,
        @Schema(description = "Câu lạc bộ được tài trợ") UUID clubId,
        @Schema(description = "Ghi chú", example = "Ủng hộ quỹ chăm sóc người cao tuổi") String note) {
}
