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
import vn.ishc.funding.area.Area;
import vn.ishc.funding.area.AreaRules;
import vn.ishc.kit.security.Caller;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Records and reverses contributions; each change commits the record, its history and its event together. */
@ApplicationScoped
public class ContributionService {

    static final String EVENT_TYPE = "ContributionSnapshot";


    /** The filters of the contribution list. */
    public record Filter(String districtCode, String communeCode, UUID clubId, UUID donorId, ContributionForm form, ContributionStatus status,
                         LocalDate receivedFrom, LocalDate receivedTo) {
    }

    @Inject
    RegistryReplica registry;

    @Inject
    AreaRules areas;

    @Inject
    PledgeTerms pledges;

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
                request.districtCode(), request.communeCode(), request.clubId(), request.purpose(), request.receiptNo(), errors);
        Area area = fields.area();
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
            if (pledge.isPresent() && !areas.mayFulfil(pledge.get().area(), area, request.receivedOn())) {
                // The pledge's outstanding amount counts in its area: only a contribution there (or, once that
                // area has ended, of the province) may fulfil it.
                errors.add(new KeyedFieldError("pledgeId", "pledge.otherDistrict", areas.label(pledge.get().area())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        caller.requireActOn(area.place(), "funding.district.forbidden", registry::areaLabel);
        if (receiptTaken(fields.receiptNo(), area.book())) {
            throw ProblemException.conflict("contribution.receiptNo.taken", fields.receiptNo());
        }
        return persist(fields, donor, request.pledgeId(), null, caller.subject(), clock.now(), null);
    }

    /** A contribution's own fields, cleaned as the API cleans them, with the area it is recorded to. */
    public record Fields(ContributionForm form, Long amountVnd, String valuationNote, LocalDate receivedOn, Area area,
                         UUID clubId, String purpose, String receiptNo) {

        public String districtCode() {
            return area.districtCode();
        }

        public String communeCode() {
            return area.communeCode();
        }
    }

    /**
     * The API's rules for a contribution's own fields (its donor and pledge are checked apart): the
     * fields cleaned, errors added by field. A null date or amount was refused before (it is required).
     */
    public Fields checkFields(ContributionForm form, java.math.BigDecimal amountVnd, String valuationNote, LocalDate receivedOn,
                              String districtCode, String communeCode, UUID clubId, String purpose, String receiptNo,
                              List<KeyedFieldError> errors) {
        Long amount = Amounts.vnd("amountVnd", amountVnd, errors);
        String note = blankToNull(valuationNote);
        if (form != null && form.needsValuationNote() && note == null) {
            errors.add(new KeyedFieldError("valuationNote", "contribution.valuationNote.required"));
        }
        if (receivedOn != null && receivedOn.isAfter(clock.today())) {
            errors.add(new KeyedFieldError("receivedOn", "date.future"));
        }
        Area area = areas.placeOf(districtCode, communeCode, clubId, receivedOn, errors);
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
        return new Fields(form, amount, note, receivedOn, area, clubId, cleanPurpose, receipt);
    }

    /** Whether the receipt number is already in the area's book (null: the province's). */
    boolean receiptTaken(String receiptNo, String book) {
        return receiptNo != null && Contribution.count("receiptNo = ?1 and " + inBook(book), inBook(book, receiptNo)) > 0;
    }

    /** The condition "in the book ?2" of a query whose ?1 is {@code value}: a district's, a commune's or (null) the province's. */
    static String inBook(String book) {
        return book == null ? "districtCode is null and communeCode is null" : "(districtCode = ?2 or communeCode = ?2)";
    }

    static Object[] inBook(String book, Object value) {
        return book == null ? new Object[] {value} : new Object[] {value, book};
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
        c.communeCode = fields.communeCode();
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
                .field("communeCode", null, c.communeCode).field("clubId", null, c.clubId).field("pledgeId", null, c.pledgeId).field("receiptNo", null, c.receiptNo)
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
        caller.requireActOn(new Area(c.districtCode, c.communeCode).place(), "funding.district.forbidden", registry::areaLabel);
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
        if (f.communeCode() != null) {
            where.append(" and communeCode = :commune");
            params.and("commune", f.communeCode());
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

    private void publish(Contribution c, Donor donor) {
        outbox.record(Topics.CONTRIBUTIONS, EVENT_TYPE, 1, c.id.toString(), c.version,
                new ContributionSnapshot(ContributionView.of(c), donor.type));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
