package vn.ishc.funding.donor;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A donor as the API shows it. A person's name and contacts are shown only to the province and to
 * officers of the district that registered them; others see null.
 */
@Schema(name = "Donor")
public record DonorView(UUID id, String name, DonorType type, String phone, String email,
                        @Schema(description = "Huyện đã đăng ký nhà tài trợ; null nếu do tỉnh hoặc cán bộ xã đăng ký") String districtCode,
                        @Schema(description = "Các xã, phường của cán bộ đã đăng ký nhà tài trợ (sau cải cách 2025); rỗng nếu do huyện hoặc tỉnh đăng ký",
                                example = "[\"05443\"]") List<String> communeCodes,
                        long version) {

    public static DonorView of(Donor donor, boolean personalDataVisible) {
        boolean hide = donor.type.isPerson() && !personalDataVisible;
        return new DonorView(donor.id, hide ? null : donor.name, donor.type, hide ? null : donor.phone, hide ? null : donor.email,
                donor.districtCode, donor.communes().stream().sorted().toList(), donor.version);
    }
}
