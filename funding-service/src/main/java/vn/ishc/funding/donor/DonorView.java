package vn.ishc.funding.donor;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * A donor as the API shows it. A person's name and contacts are shown only to the province and to
 * officers of the district that registered them; others see null.
 */
@Schema(name = "Donor")
public record DonorView(UUID id, String name, DonorType type, String phone, String email,
                        @Schema(description = "Huyện đã đăng ký nhà tài trợ; null nếu do tỉnh đăng ký") String districtCode,
                        long version) {

    public static DonorView of(Donor donor, boolean personalDataVisible) {
        boolean hide = donor.type.isPerson() && !personalDataVisible;
        return new DonorView(donor.id, hide ? null : donor.name, donor.type, hide ? null : donor.phone, hide ? null : donor.email,
                donor.districtCode, donor.version);
    }
}
