package vn.ishc.funding.donor;

import vn.ishc.kit.text.SearchText;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ishc.kit.text.CleanText;

@ApplicationScoped
public class DonorService {

    /** The province this deployment serves (configuration, default Thái Nguyên). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "ishc.province-code", defaultValue = "19")
    String provinceCode;

    @Inject
    Caller caller;

    @Inject
    VietnamClock clock;

    @Inject
    vn.ishc.kit.history.ChangeRecorder history;

    @Transactional
    public Donor register(NewDonor request) {
        String name = CleanText.name(request.name());
        if (name.isEmpty()) {
            throw ProblemException.invalid("name", "donor.name.length");
        }
        if (!CleanText.isReadableName(name)) {
            throw ProblemException.invalid("name", "name.unreadable");
        }
        Donor donor = new Donor();
        donor.id = UUID.randomUUID();
        donor.name = name;
        donor.searchName = SearchText.fold(name);
        donor.type = request.type();
        donor.phone = blankToNull(request.phone());
        donor.email = blankToNull(request.email());
        donor.districtCode = caller.officerDistrict().orElse(null);
        donor.communeCodes = Donor.joined(caller.officerCommunes());
        donor.created(caller.subject(), clock.now());
        donor.persist();
        return donor;
    }

    public Donor get(UUID id) {
        Donor donor = Donor.findById(id);
        if (donor == null) {
            throw ProblemException.notFound("donor.notFound", id.toString());
        }
        return donor;
    }

    /** Donors in name order (then id, so pages never overlap); {@code q} ignores case and diacritics. */
    public Page<Donor> list(String q, DonorType type, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (q != null && !q.isBlank()) {
            where.append(" and searchName like :q");
            params.and("q", SearchText.containsPattern(q));
        }
        if (type != null) {
            where.append(" and type = :type");
            params.and("type", type);
        }
        if (!caller.isProvinceAdmin()) {
            // Persons of other districts are not searchable by name: a search would reveal who gives.
            where.append(" and (type not in :persons or districtCode = :mine");
            params.and("persons", DonorType.persons()).and("mine", caller.officerDistrict().orElse("-"));
            int i = 0;
            for (String commune : caller.officerCommunes()) {
                where.append(" or communeCodes like :commune").append(i);
                params.and("commune" + i++, "%," + commune + ",%");
            }
            where.append(")");
        }
        var query = Donor.<Donor>find(where.toString(), Sort.by("searchName").and("id"), params);
        List<Donor> items = query.page(io.quarkus.panache.common.Page.of(paging.page(), paging.size())).list();
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }

    static final java.util.Set<String> PATCHABLE = java.util.Set.of("name", "type", "phone", "email");
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+?[0-9][0-9 .-]{7,18}[0-9]$");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Transactional
    public Donor patch(UUID id, String ifMatch, com.fasterxml.jackson.databind.JsonNode body) {
        Donor donor = Donor.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (donor == null) {
            throw ProblemException.notFound("donor.notFound", id.toString());
        }
        if (!caller.mayActOn(donor.place())) {
            String owner = donor.districtCode != null ? donor.districtCode
                    : donor.communes().isEmpty() ? provinceCode : String.join(", ", new java.util.TreeSet<>(donor.communes()));
            throw ProblemException.forbidden("donor.forbidden", owner);
        }
        vn.ishc.kit.problem.Preconditions.requireMatch(ifMatch, donor.version);
        vn.ishc.kit.problem.MergePatch patch = new vn.ishc.kit.problem.MergePatch(body, PATCHABLE);
        String[] name = {donor.name};
        DonorType[] type = {donor.type};
        String[] phone = {donor.phone};
        String[] email = {donor.email};
        patch.text("name", v -> name[0] = CleanText.name(v));
        patch.enumValue("type", DonorType.class, v -> type[0] = v);
        patch.text("phone", v -> phone[0] = blankToNull(v));
        patch.text("email", v -> email[0] = blankToNull(v));
        List<ProblemException.KeyedFieldError> errors = new java.util.ArrayList<>(patch.errors());
        checkDonor(name[0], type[0], phone[0], email[0], errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var changes = new vn.ishc.kit.history.Changes().field("name", donor.name, name[0])
                .field("type", donor.type, type[0]).field("phone", donor.phone, phone[0]).field("email", donor.email, email[0]);
        if (changes.isEmpty()) {
            return donor;
        }
        donor.name = name[0];
        donor.searchName = SearchText.fold(name[0]);
        donor.type = type[0];
        donor.phone = phone[0];
        donor.email = email[0];
        Instant now = clock.now();
        donor.changed(caller.subject(), now);
        history.record(donor.id, Donor.HISTORY_ENTITY, donor.id, "UPDATED", changes, caller.subject(), now);
        return donor;
    }

    /** The API's rules for a donor's name (cleaned), type and contacts (trimmed, blank as none); errors are added by field. */
    static void checkDonor(String name, DonorType type, String phone, String email, List<ProblemException.KeyedFieldError> errors) {
        if (name == null || name.isEmpty() || name.length() > 300) {
            errors.add(new ProblemException.KeyedFieldError("name", "donor.name.length"));
        } else if (!CleanText.isReadableName(name)) {
            errors.add(new ProblemException.KeyedFieldError("name", "name.unreadable"));
        }
        if (type == null) {
            errors.add(new ProblemException.KeyedFieldError("type", "field.required"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new ProblemException.KeyedFieldError("phone", "donor.phone.invalid"));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new ProblemException.KeyedFieldError("email", "donor.email.invalid"));
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
