package vn.ishc.registry.club;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.registry.adminunit.AdminUnit;
import vn.ishc.registry.adminunit.AdminUnits;
import vn.ishc.registry.config.VietnamClock;
import vn.ishc.registry.events.Outbox;
import vn.ishc.registry.events.Topics;
import vn.ishc.registry.problem.ProblemException;
import vn.ishc.registry.problem.ProblemException.KeyedFieldError;
import vn.ishc.registry.security.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Registers clubs; every change commits the club and its snapshot event together. */
@ApplicationScoped
public class ClubService {

    static final String SNAPSHOT_EVENT_TYPE = "ClubSnapshot";

    @Inject
    AdminUnits adminUnits;

    @Inject
    Outbox outbox;

    @Inject
    VietnamClock clock;

    @Inject
    Caller caller;

    @Transactional
    public Club register(NewClub request) {
        String name = request.name().strip().replaceAll("\\s+", " ");
        List<KeyedFieldError> errors = new ArrayList<>();
        if (name.length() < 3 || name.length() > 200) {
            errors.add(new KeyedFieldError("name", "club.name.length"));
        }
        if (request.establishedOn().isAfter(clock.today())) {
            errors.add(new KeyedFieldError("establishedOn", "club.date.future"));
        }
        AdminUnit commune = adminUnits.commune(request.communeCode(), request.establishedOn()).orElse(null);
        if (commune == null) {
            errors.add(adminUnits.communeExists(request.communeCode())
                    ? new KeyedFieldError("communeCode", "club.commune.notValidOn", request.communeCode(), request.establishedOn().toString())
                    : new KeyedFieldError("communeCode", "club.commune.unknown", request.communeCode()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!caller.mayWriteIn(commune.parentCode)) {
            throw ProblemException.forbidden("club.district.forbidden", caller.officerDistrict().orElse("-"), commune.parentCode);
        }
        if (Club.count("communeCode = ?1 and lower(name) = lower(?2) and status = ?3", commune.code, name, ClubStatus.ACTIVE) > 0) {
            throw ProblemException.conflict("club.name.taken", name);
        }
        AdminUnit district = adminUnits.unitOn(commune.parentCode, request.establishedOn()).orElseThrow();

        Club club = new Club();
        club.id = UUID.randomUUID();
        club.name = name;
        club.communeCode = commune.code;
        club.districtCode = district.code;
        club.provinceCode = district.parentCode;
        club.hamlet = request.hamlet() == null || request.hamlet().isBlank() ? null : request.hamlet().strip();
        club.establishedOn = request.establishedOn();
        club.status = ClubStatus.ACTIVE;
        club.version = 1;
        Instant now = clock.now();
        club.createdAt = now;
        club.updatedAt = now;
        club.createdBy = caller.subject();
        club.updatedBy = caller.subject();
        club.persist();
        publishSnapshot(club);
        return club;
    }

    public Club get(UUID id) {
        Club club = Club.findById(id);
        if (club == null) {
            throw ProblemException.notFound("club.notFound", id.toString());
        }
        return club;
    }

    private void publishSnapshot(Club club) {
        outbox.record(Topics.CLUB_SNAPSHOTS, SNAPSHOT_EVENT_TYPE, 1, club.id.toString(), club.version,
                new ClubSnapshot(ClubView.of(club), List.of()));
    }
}
