package vn.ishc.funding.donor;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.funding.config.VietnamClock;
import vn.ishc.funding.paging.Page;
import vn.ishc.funding.paging.PageRequest;
import vn.ishc.funding.problem.ProblemException;
import vn.ishc.funding.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DonorService {

    @Inject
    Caller caller;

    @Inject
    VietnamClock clock;

    @Transactional
    public Donor register(NewDonor request) {
        String name = request.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw ProblemException.invalid("name", "donor.name.length");
        }
        Donor donor = new Donor();
        donor.id = UUID.randomUUID();
        donor.name = name;
        donor.searchName = SearchText.fold(name);
        donor.type = request.type();
        donor.phone = blankToNull(request.phone());
        donor.email = blankToNull(request.email());
        donor.version = 1;
        Instant now = clock.now();
        donor.createdAt = now;
        donor.updatedAt = now;
        donor.createdBy = caller.subject();
        donor.updatedBy = caller.subject();
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
            params.and("q", "%" + SearchText.fold(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (type != null) {
            where.append(" and type = :type");
            params.and("type", type);
        }
        var query = Donor.<Donor>find(where.toString(), Sort.by("searchName").and("id"), params);
        List<Donor> items = query.page(io.quarkus.panache.common.Page.of(paging.page(), paging.size())).list();
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
