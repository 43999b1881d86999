package vn.ishc.funding.donor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.text.SearchText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What an import needs of donors: the API's rules for a donor named on a row, the donor a row
 * names (by district, name and type), and registering one that is missing.
 */
@ApplicationScoped
public class DonorImports {

    /** A donor's facts cleaned as the API cleans them, and what is wrong with them (fields name, type, phone, email). */
    public record Checked(String name, DonorType type, String phone, String email, List<KeyedFieldError> errors) {
    }

    public static Checked check(String name, DonorType type, String phone, String email) {
        List<KeyedFieldError> errors = new ArrayList<>();
        String clean = name == null ? null : CleanText.name(name);
        String cleanPhone = DonorService.blankToNull(phone);
        String cleanEmail = DonorService.blankToNull(email);
        DonorService.checkDonor(clean, type, cleanPhone, cleanEmail, errors);
        return new Checked(clean, type, cleanPhone, cleanEmail, errors);
    }

    /** How a row names a donor: the name as the donor search compares it (case, diacritics and spacing ignored) and the type. */
    public static String key(String name, DonorType type) {
        return SearchText.fold(name) + "|" + type;
    }

    /**
     * The donor a row names: of that name and type registered for the district (null: the province);
     * failing that, an organisation of that name and type registered by the province, which every
     * district may see. A person is matched within their district only (personal data of that district).
     */
    public Optional<Donor> match(String districtCode, String name, DonorType type) {
        String folded = SearchText.fold(name);
        Optional<Donor> own = districtCode == null
                ? Donor.<Donor>find("districtCode is null and searchName = ?1 and type = ?2 order by createdAt, id", folded, type).firstResultOptional()
                : Donor.<Donor>find("districtCode = ?1 and searchName = ?2 and type = ?3 order by createdAt, id", districtCode, folded, type)
                .firstResultOptional();
        if (own.isPresent() || districtCode == null || type.isPerson()) {
            return own;
        }
        return Donor.<Donor>find("districtCode is null and searchName = ?1 and type = ?2 order by createdAt, id", folded, type).firstResultOptional();
    }

    /** Registers a donor for an import, in the district its contributions are recorded for (null: the province). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Donor register(Checked donor, String districtCode, String actor, Instant now) {
        Donor d = new Donor();
        d.id = UUID.randomUUID();
        d.name = donor.name();
        d.searchName = SearchText.fold(donor.name());
        d.type = donor.type();
        d.phone = donor.phone();
        d.email = donor.email();
        d.districtCode = districtCode;
        d.created(actor, now);
        d.persist();
        return d;
    }
}
