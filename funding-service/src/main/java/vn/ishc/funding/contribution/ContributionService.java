package vn.ishc.funding.contribution;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.funding.donor.Donor;
import vn.ishc.kit.outbox.Outbox;
import vn.ishc.funding.events.Topics;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.Changes;
import vn.ishc.funding.idempotency.Idempotency;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.funding.replica.RegistryReplica;
import vn.ishc.funding.replica.RegistryReplica.ClubFacts;
import vn.ishc.kit.security.Caller;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Records and reverses contributions; each change commits the record, its history and its event together. */
@ApplicationScoped
public class ContributionService {

    static final String EVENT_TYPE = "ContributionSnapshot";


    /** The filters of the contribution list. */
    public record Filter(String districtCode, UUID clubId, UUID donorId, ContributionForm form, ContributionStatus status,
                         LocalDate receivedFrom, LocalDate receivedTo) {
    }

    @Inject
    RegistryReplica registry;

    @Inject
    PledgeTerms pledges;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "ishc.province-code", defaultValue = "19")
    String provinceCode;

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


    @Transactional
    public Idempotency.Result<Contribution> record(NewContribution request, String idempotencyKey) {
        return idempotency.once(caller.subject(), "contribution", idempotencyKey, request, id -> Contribution.<Contribution>findById(id),
                () -> create(request), created -> created.id);
    }

    private Contribution create(NewContribution request) {
        List<KeyedFieldError> errors = new ArrayList<>();
        Fields fields = checkFields(request.form(), request.amountVnd(), request.valuationNote(), request.receivedOn(),
                request.districtCode(), request.clubId(), request.purpose(), request.receiptNo(), errors);
        String district = fields.districtCode();
        Donor donor = Donor.findById(request.donorId());
        if (donor == null) {
            errors.add(new KeyedFieldError("donorId", "donor.unknown", request.donorId().toString()));
        }
        if (request.pledgeId() != null) {
            Optional<PledgeTerms.Terms> pledge = pledges.of(request.pledgeId());
            if (pledge.isEmpty()) {
                errors.add(new KeyedFieldError("pledgeId", "pledge.unknown", request.pledgeId().toString()));
            } else if (!pledge.get().donorId().equals(request.donorId())) {
                errors.add(new KeyedFieldError("pledgeId", "pledge.otherDonor"));
            } else if (pledge.get().cancelledOn() != null) {
                errors.add(new KeyedFieldError("pledgeId", "pledge.cancelled", pledge.get().cancelledOn()));
            }
            if (pledge.isPresent() && !Objects.equals(pledge.get().districtCode(), district)) {
                // The pledge's outstanding amount counts in its district: only a contribution there may fulfil it.
                String pledgedIn = pledge.get().districtCode();
                errors.add(new KeyedFieldError("pledgeId", "pledge.otherDistrict", pledgedIn == null ? provinceCode : pledgedIn));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        caller.requireWriteIn(district, "funding.district.forbidden", registry::districtLabel);
        if (receiptTaken(fields.receiptNo(), district)) {
            throw ProblemException.conflict("contribution.receiptNo.taken", fields.receiptNo());
        }
        return persist(fields, donor, request.pledgeId(), null, caller.subject(), clock.now(), null);
    }

    /** A contribution's own fields, cleaned as the API cleans them, with the district it counts for (null: the province). */
    public record Fields(ContributionForm form, Long amountVnd, String valuationNote, LocalDate receivedOn, String districtCode,
                         UUID clubId, String purpose, String receiptNo) {
    }

    /**
     * The API's rules for a contribution's own fields (its donor and pledge are checked apart): the
     * fields cleaned, errors added by field. A null date or amount was refused before (it is required).
     */
    public Fields checkFields(ContributionForm form, java.math.BigDecimal amountVnd, String valuationNote, LocalDate receivedOn,
                              String districtCode, UUID clubId, String purpose, String receiptNo, List<KeyedFieldError> errors) {
        Long amount = Amounts.vnd("amountVnd", amountVnd, errors);
        String note = blankToNull(valuationNote);
        if (form != null && form.needsValuationNote() && note == null) {
            errors.add(new KeyedFieldError("valuationNote", "contribution.valuationNote.required"));
        }
        if (receivedOn != null && receivedOn.isAfter(clock.today())) {
            errors.add(new KeyedFieldError("receivedOn", "date.future"));
        }
        String district = placeOf(districtCode, clubId, receivedOn, errors);
        String receipt = blankToNull(receiptNo);
        if (receipt != null && receipt.length() > 50) {
            errors.add(new KeyedFieldError("receiptNo", "contribution.receiptNo.length"));
        }
        if (note != null && note.length() > 1000) {
            errors.add(new KeyedFieldError("valuationNote", "text.tooLong", 1000));
        }
        String cleanPurpose = blankToNull(purpose);
        if (cleanPurpose != null && cleanPurpose.length() > 500) {
            errors.add(new KeyedFieldError("purpose", "text.tooLong", 500));
        }
        return new Fields(form, amount, note, receivedOn, district, clubId, cleanPurpose, receipt);
    }

    /** Whether the receipt number is already in the district's book (null: the province's). */
    boolean receiptTaken(String receiptNo, String district) {
        return receiptNo != null && Contribution.count("receiptNo = ?1 and " + (district == null ? "districtCode is null" : "districtCode = ?2"),
                district == null ? new Object[] {receiptNo} : new Object[] {receiptNo, district}) > 0;
    }

    /** Records checked fields: the contribution, its history entry and its event, in the caller's transaction. */
    Contribution persist(Fields fields, Donor donor, UUID pledgeId, String rowKey, String actor, Instant now, UUID importJob) {
        Contribution c = new Contribution();
        c.id = UUID.randomUUID();
        c.donorId = donor.id;
        c.form = fields.form();
        c.amountVnd = fields.amountVnd();
        c.valuationNote = fields.valuationNote();
        c.receivedOn = fields.receivedOn();
        c.districtCode = fields.districtCode();
        c.clubId = fields.clubId();
        c.pledgeId = pledgeId;
        c.purpose = fields.purpose();
        c.receiptNo = fields.receiptNo();
        c.rowKey = rowKey;
        c.status = ContributionStatus.RECORDED;
        c.created(actor, now);
        c.persist();
        history.record(c.id, Contribution.HISTORY_ENTITY, c.id, "RECORDED", new Changes().field("form", null, c.form)
                .field("amountVnd", null, c.amountVnd).field("receivedOn", null, c.receivedOn).field("districtCode", null, c.districtCode)
                .field("clubId", null, c.clubId).field("pledgeId", null, c.pledgeId).field("receiptNo", null, c.receiptNo)
                .field("importJob", null, importJob), actor, now);
        publish(c, donor);
        return c;
    }

    @Transactional
    public Contribution reverse(UUID id, Reversal reversal) {
        Contribution c = Contribution.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("contribution.notFound", id.toString());
        }
        caller.requireWriteIn(c.districtCode, "funding.district.forbidden", registry::districtLabel);
        List<KeyedFieldError> errors = new ArrayList<>();
        if (reversal.reversedOn().isAfter(clock.today())) {
            errors.add(new KeyedFieldError("reversedOn", "date.future"));
        } else if (reversal.reversedOn().isBefore(c.receivedOn)) {
            errors.add(new KeyedFieldError("reversedOn", "contribution.reversedOn.beforeReceived", c.receivedOn));
        }
        String reason = reversal.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            errors.add(new KeyedFieldError("reason", "reason.length"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (c.status == ContributionStatus.REVERSED) {
            throw ProblemException.conflict("contribution.alreadyReversed", c.reversedOn);
        }
        c.status = ContributionStatus.REVERSED;
        c.reversedOn = reversal.reversedOn();
        c.reversalReason = reason;
        Instant now = clock.now();
        c.changed(caller.subject(), now);
        history.record(c.id, Contribution.HISTORY_ENTITY, c.id, "REVERSED", new Changes().field("status", ContributionStatus.RECORDED, c.status)
                .field("reversedOn", null, c.reversedOn).field("reversalReason", null, reason), caller.subject(), now);
        publish(c, Donor.findById(c.donorId));
        return c;
    }

    public Contribution get(UUID id) {
        Contribution c = Contribution.findById(id);
        if (c == null) {
            throw ProblemException.notFound("contribution.notFound", id.toString());
        }
        return c;
    }

    public ContributionPage list(Filter f, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.districtCode() != null) {
            where.append(" and districtCode = :district");
            params.and("district", f.districtCode());
        }
        if (f.clubId() != null) {
            where.append(" and clubId = :club");
            params.and("club", f.clubId());
        }
        if (f.donorId() != null) {
            where.append(" and donorId = :donor");
            params.and("donor", f.donorId());
        }
        if (f.form() != null) {
            where.append(" and form = :form");
            params.and("form", f.form());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status());
        }
        if (f.receivedFrom() != null) {
            where.append(" and receivedOn >= :from");
            params.and("from", f.receivedFrom());
        }
        if (f.receivedTo() != null) {
            where.append(" and receivedOn <= :to");
            params.and("to", f.receivedTo());
        }
        var query = Contribution.<Contribution>find(where.toString(), Sort.by("receivedOn").and("id"), params);
        List<ContributionView> items = query.page(io.quarkus.panache.common.Page.of(paging.page(), paging.size())).list().stream()
                .map(ContributionView::of).toList();
        var sum = Contribution.getEntityManager().createQuery("select coalesce(sum(amountVnd), 0) from Contribution where " + where, Long.class);
        params.map().forEach(sum::setParameter);
        return new ContributionPage(items, paging.page(), paging.size(), query.count(), sum.getSingleResult());
    }

    /**
     * The district a contribution or pledge counts for: the club's when a club is named (a given
     * districtCode must agree), else the given district, else none (province level).
     */
    public String placeOf(String districtCode, UUID clubId, LocalDate on, List<KeyedFieldError> errors) {
        String district = blankToNull(districtCode);
        if (clubId != null) {
            Optional<ClubFacts> club = registry.club(clubId);
            if (club.isEmpty()) {
                errors.add(new KeyedFieldError("clubId", "club.unknown", clubId.toString()));
                return district;
            }
            if (on != null && club.get().closedOn(on)) {
                errors.add(new KeyedFieldError("clubId", "club.closed", club.get().closedOn()));
            }
            if (district != null && !district.equals(club.get().districtCode())) {
                errors.add(new KeyedFieldError("districtCode", "club.otherDistrict", club.get().districtCode()));
            }
            return club.get().districtCode();
        }
        if (district != null && !registry.districtExists(district)) {
            errors.add(new KeyedFieldError("districtCode", "district.unknown", district));
        }
        return district;
    }

    private void publish(Contribution c, Donor donor) {
        outbox.record(Topics.CONTRIBUTIONS, EVENT_TYPE, 1, c.id.toString(), c.version,
                new ContributionSnapshot(ContributionView.of(c), donor.type));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
