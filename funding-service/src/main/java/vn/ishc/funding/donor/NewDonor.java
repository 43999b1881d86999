package vn.ishc.funding.donor;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/donors}. */
@Schema(name = "NewDonor", example = """
        {"name": "Công ty TNHH Gang thép Thái Nguyên", "type": "BUSINESS", "phone": "0208 3855 123", "email": "lienhe@example.vn"}""")
public record NewDonor(
        @Schema(description = "Tên nhà tài trợ", example = "Công ty TNHH Gang thép Thái Nguyên")
        @NotNull(message = "{field.required}") @Size(min = 1, max = 300, message = "{donor.name.length}") String name,
        @Schema(description = "Loại nhà tài trợ", example = "BUSINESS")
        @NotNull(message = "{field.required}") DonorType type,
        @Schema(description = "Số điện thoại Việt Nam", example = "0208 3855 123")
        @Pattern(regexp = "^\\+?[0-9][0-9 .-]{7,18}[0-9]$", message = "{donor.phone.invalid}") String phone,
        @Schema(description = "Thư điện tử", example = "lienhe@example.vn")
        @Email(message = "{donor.email.invalid}") @Size(max = 254, message = "{donor.email.invalid}") String email) {
}
