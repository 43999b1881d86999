package vn.ishc.funding.pledge;

import vn.ishc.funding.replica.RegistryReplica;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.funding.contribution.Amounts;
import vn.ishc.funding.area.Area;
import vn.ishc.funding.area.AreaRules;
import vn.ishc.funding.contribution.ContributionStatus;
import vn.ishc.funding.donor.Donor;
import vn.ishc.kit.outbox.Outbox;
import vn.ishc.funding.events.Topics;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.Changes;
import vn.ishc.funding.idempotency.Idempotency;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.security.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records and cancels pledges, and works out how far contributions have fulfilled them. */
@ApplicationScoped
public class PledgeService {

    static final String EVENT_TYPE = "PledgeSnapshot";
    /** Received VND of the counted contributions that name the pledge {@code p}. */
    private static final String FULFILLED = "(select coalesce(sum(c.amountVnd), 0) from Contribution c where c.pledgeId = p.id and c.status = :recorded)";


    @Inject
    AreaRules areas;

    @Inject
    Idempotency idempotency;

    @Inject
    Outbox outbox;

    @Inject
    ChangeRecorder history;

    @Inject
    VietnamClock clock;

    @Inject
    Caller caller;

    @Inject
    RegistryReplica registry;


    @Transactional
    public Idempotency.Result<Pledge> record(NewPledge request, String idempotencyKey) {
        return idempotency.once(caller.subject(), "pledge", idempotencyKey, request, id -> Pledge.<Pledge>findById(id),
                () -> create(request), created -> created.id);
    }

    private Pledge create(NewPledge request) {
        List<KeyedFieldError> errors = new ArrayList<>();
        Long amount = Amounts.vnd("amountVnd", request.amountVnd(), errors);
        if (request.pledgedOn().isAfter(clock.today())) {
            errors.add(new KeyedFieldError("pledgedOn", "date.future"));
        }
        if (request.dueOn() != null && request.dueOn().isBefore(request.pledgedOn())) {
            errors.add(new KeyedFieldError("dueOn", "pledge.dueOn.beforePledged"));
        }
        Donor donor = Donor.findById(request.donorId());
        if (donor == null) {
            errors.add(new KeyedFieldError("donorId", "donor.unknown", request.donorId().toString()));
        }
        Area area = areas.placeOf(request.districtCode(), request.communeCode(), request.clubId(), request.pledgedOn(), errors);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > 500) {
            errors.add(new KeyedFieldError("note", "text.tooLong", 500));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        caller.requireActOn(area.place(), "funding.district.forbidden", registry::areaLabel);
        Pledge p = new Pledge();
        p.id = UUID.randomUUID();
        p.donorId = donor.id;
        p.amountVnd = amount;
        p.pledgedOn = request.pledgedOn();
        p.dueOn = request.dueOn();
        p.districtCode = area.districtCode();
        p.communeCode = area.communeCode();
        p.clubId = request.clubId();
        p.note = note;
        Instant now = clock.now();
        p.created(caller.subject(), now);
        p.persist();
        history.record(p.id, Pledge.HISTORY_ENTITY, p.id, "PLEDGED", new Changes().field("amountVnd", null, p.amountVnd)
                .field("pledgedOn", null, p.pledgedOn).field("districtCode", null, p.districtCode)
                .field("communeCode", null, p.communeCode), caller.subject(), now);
        outbox.record(Topics.PLEDGES, EVENT_TYPE, 1, p.id.toString(), p.version, PledgeSnapshot.of(p, donor.type));
        return p;
    }

    @Transactional
    public Pledge cancel(UUID id, Cancellation cancellation) {
        Pledge p = Pledge.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("pledge.notFound", id.toString());
        }
        caller.requireActOn(new Area(p.districtCode, p.communeCode).place(), "funding.district.forbidden", registry::areaLabel);
        List<KeyedFieldError> errors = new ArrayList<>();
        if (cancellation.cancelledOn().isAfter(clock.today())) {
            errors.add(new KeyedFieldError("cancelledOn", "date.future"));
        } else if (cancellation.cancelledOn().isBefore(p.pledgedOn)) {
            errors.add(new KeyedFieldError("cancelledOn", "pledge.cancelledOn.beforePledged", p.pledgedOn));
        }
        String reason = cancellation.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            errors.add(new KeyedFieldError("reason", "reason.length"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (p.cancelledOn != null) {
            throw ProblemException.conflict("pledge.alreadyCancelled", p.cancelledOn);
        }
        p.cancelledOn = cancellation.cancelledOn();
        p.cancelReason = reason;
        Instant now = clock.now();
        p.changed(caller.subject(), now);
        history.record(p.id, Pledge.HISTORY_ENTITY, p.id, "CANCELLED", new Changes().field("cancelledOn", null, p.cancelledOn)
                .field("cancelReason", null, reason), caller.subject(), now);
        outbox.record(Topics.PLEDGES, EVENT_TYPE, 1, p.id.toString(), p.version,
                PledgeSnapshot.of(p, Donor.<Donor>findById(p.donorId).type));
        return p;
    }

    public Pledge get(UUID id) {
        Pledge p = Pledge.findById(id);
        if (p == null) {
            throw ProblemException.notFound("pledge.notFound", id.toString());
        }
        return p;
    }

    public Page<PledgeView> list(UUID donorId, String districtCode, String communeCode, PledgeStatus status, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (donorId != null) {
            where.append(" and p.donorId = :donor");
            params.and("donor", donorId);
        }
        if (districtCode != null) {
            where.append(" and p.districtCode = :district");
            params.and("district", districtCode);
        }
        if (communeCode != null) {
            where.append(" and p.communeCode = :commune");
            params.and("commune", communeCode);
        }
        if (status == PledgeStatus.CANCELLED) {
            where.append(" and p.cancelledOn is not null");
        } else if (status != null) {
            where.append(" and p.cancelledOn is null and ").append(FULFILLED)
                    .append(status == PledgeStatus.FULFILLED ? " >= p.amountVnd" : " < p.amountVnd");
            params.and("recorded", ContributionStatus.RECORDED);
        }
        var query = Pledge.<Pledge>find("from Pledge p where " + where, Sort.by("p.pledgedOn").and("p.id"), params);
        List<Pledge> pledges = query.page(io.quarkus.panache.common.Page.of(paging.page(), paging.size())).list();
        Map<UUID, Long> fulfilled = fulfilled(pledges.stream().map(p -> p.id).toList());
        return new Page<>(pledges.stream().map(p -> PledgeView.of(p, fulfilled.getOrDefault(p.id, 0L))).toList(),
                paging.page(), paging.size(), query.count());
    }

    public PledgeView view(Pledge p) {
        return PledgeView.of(p, fulfilled(List.of(p.id)).getOrDefault(p.id, 0L));
    }

    private Map<UUID, Long> fulfilled(List<UUID> pledgeIds) {
        Map<UUID, Long> sums = new HashMap<>();
        if (pledgeIds.isEmpty()) {
            return sums;
        }
        Pledge.getEntityManager().createQuery("""
                        select c.pledgeId, sum(c.amountVnd) from Contribution c
                        where c.pledgeId in :ids and c.status = :recorded group by c.pledgeId""", Object[].class)
                .setParameter("ids", pledgeIds).setParameter("recorded", ContributionStatus.RECORDED)
                .getResultList().forEach(row -> sums.put((UUID) row[0], ((Number) row[1]).longValue()));
        return sums;
    }

}
