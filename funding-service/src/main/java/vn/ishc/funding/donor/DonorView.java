package vn.ishc.funding.donor;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * A donor as the API shows it. For callers who may not see personal data (viewers), a person's
 * name and contacts are left out (null).
 */
@Schema(name = "Donor")
public record DonorView(UUID id, String name, DonorType type, String phone, String email, long version) {

    public static DonorView of(Donor donor, boolean personalDataVisible) {
        boolean hide = donor.type.isPerson() && !personalDataVisible;
        return new DonorView(donor.id, hide ? null : donor.name, donor.type, hide ? null : donor.phone, hide ? null : donor.email,
                donor.version);
    }
}
