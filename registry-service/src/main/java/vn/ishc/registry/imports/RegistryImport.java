package vn.ishc.registry.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.imports.job.ImportKind;
import vn.ishc.kit.imports.job.ImportScope;
import vn.ishc.kit.imports.job.RowCells;
import vn.ishc.kit.imports.job.RowError;
import vn.ishc.kit.imports.table.DateOrYear;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.registry.adminunit.AdminUnit;
import vn.ishc.registry.club.Club;
import vn.ishc.registry.club.ClubImports;
import vn.ishc.registry.member.Member;
import vn.ishc.registry.member.MemberFacts;
import vn.ishc.registry.member.MemberImports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The club list and the member list (one row a person, with their club's columns): rows are
 * grouped by club (commune and name); a club not yet registered is registered by its first row,
 * and each club's rows are written together, with one snapshot event per club.
 */
abstract class RegistryImport implements ImportKind {

    private final boolean withMembers;

    @Inject
    ClubImports clubImports;

    @Inject
    MemberImports memberImports;

    @Inject
    VietnamClock clock;

    @Inject
    ObjectMapper json;

    RegistryImport(boolean withMembers) {
        this.withMembers = withMembers;
    }

    /** What the file has said so far about one club, and what is stored of it. */
    private static final class ClubInFile {
        int firstRow;
        LocalDate establishedOn;
        boolean counted;
        Club stored;
        Map<String, List<Member>> people = Map.of();
        final Map<String, Integer> rowsByPerson = new HashMap<>();
    }

    @Override
    public RowChecker checker(ImportScope scope) {
        Places places = Places.load();
        LocalDate today = clock.today();
        Map<String, ClubInFile> clubs = new HashMap<>();
        Map<String, LocalDate> datesByClubName = new HashMap<>();
        return row -> check(row, scope, places, today, clubs, datesByClubName);
    }

    private CheckedRow check(RowCells row, ImportScope scope, Places places, LocalDate today, Map<String, ClubInFile> clubs,
                             Map<String, LocalDate> datesByClubName) {
        AdminUnit named = places.district(row, "districtCode");
        AdminUnit district = named;
        if (district == null && scope.officerDistrict() != null && row.isBlank("districtCode")) {
            // An officer's commune names are read within their own district.
            district = places.unitOn(scope.district(), today);
        }
        LocalDate establishedOn = row.date("establishedOn");
        String name = row.text("clubName");
        // A commune name two units have borne is read on the club's date, which the file may give on the club's first row only.
        LocalDate clubDate = establishedOn != null || name == null ? establishedOn : datesByClubName.get(ClubImports.nameKey(name));
        AdminUnit commune = places.commune(row, "communeCode", district, clubDate);
        if (establishedOn != null && name != null) {
            datesByClubName.putIfAbsent(ClubImports.nameKey(name), establishedOn);
        }
        row.requireFilled("clubName");
        String hamlet = row.text("hamlet");
        MemberFacts facts = withMembers ? memberFacts(row) : null;
        if (commune == null || name == null) {
            return new CheckedRow(null, null, List.of(), Map.of());
        }
        // A field already unreadable is not reported again by the rules (as "required", say).
        java.util.Set<String> unreadable = new java.util.HashSet<>();
        row.errors().forEach(e -> unreadable.add(e.column()));
        List<RowError> errors = new ArrayList<>();
        if (named != null && !named.code.equals(commune.parentCode)) {
            errors.add(RowError.of("communeCode", row.raw("communeCode"), "import.commune.notInDistrict", commune.fullName, named.fullName));
            return new CheckedRow(null, null, errors, Map.of());
        }
        if (!scope.mayWriteIn(commune.parentCode) && !scope.mayWriteIn(commune.code)) {
            AdminUnit own = scope.officerDistrict() == null ? null : places.unitOn(scope.officerDistrict(), today);
            errors.add(RowError.of("communeCode", row.raw("communeCode"), "import.row.otherDistrict",
                    commune.fullName, own == null ? scope.district() : own.fullName));
            return new CheckedRow(null, null, errors, Map.of());
        }
        ClubImports.Checked club = clubImports.check(name, hamlet, establishedOn, today);
        club.errors().stream().filter(e -> !unreadable.contains(e.field())).forEach(e -> errors.add(error(row, e)));
        String group = commune.code + "|" + ClubImports.nameKey(club.name());
        ClubInFile known = clubs.computeIfAbsent(group, g -> lookUp(commune.code, club.name(), row.row()));
        LocalDate effective = establishedOn != null ? establishedOn : known.establishedOn != null ? known.establishedOn
                : known.stored != null ? known.stored.establishedOn : null;
        if (establishedOn != null && known.establishedOn != null && !establishedOn.equals(known.establishedOn)) {
            errors.add(RowError.of("establishedOn", row.raw("establishedOn"), "import.club.establishedOnDiffers", known.firstRow, known.establishedOn));
        } else if (establishedOn != null && known.establishedOn == null) {
            known.establishedOn = establishedOn;
        }
        String clubAction;
        if (known.stored == null) {
            clubAction = "CREATE";
            if (effective == null) {
                errors.add(RowError.of("establishedOn", null, "import.club.establishedOnRequired"));
            } else if (!places.existsOn(commune.code, effective)) {
                // The commune as it was on the founding date, which a later row may take from an earlier one:
                // a commune renamed since keeps its code, and the club belongs to it.
                errors.add(RowError.of("communeCode", row.raw("communeCode"), "club.commune.notValidOn", commune.code, effective));
            }
        } else {
            clubAction = ClubImports.differs(known.stored, club.hamlet(), establishedOn) ? "UPDATE" : "UNCHANGED";
            clubImports.checkChange(known.stored, establishedOn).forEach(e -> errors.add(error(row, e)));
        }
        Map<String, String> actions = new LinkedHashMap<>();
        if (facts != null) {
            MemberImports.Checked member = MemberImports.check(facts, effective, today);
            member.errors().stream().filter(e -> !unreadable.contains(e.field())).forEach(e -> errors.add(error(row, e)));
            facts = member.facts();
            if (member.errors().isEmpty() && unreadable.isEmpty()) {
                String person = MemberImports.personKey(facts.fullName(), facts.birthDate(), facts.birthYear());
                Integer earlier = known.rowsByPerson.putIfAbsent(person + "|" + facts.birthDate(), row.row());
                if (earlier != null) {
                    errors.add(RowError.of("fullName", row.raw("fullName"), "import.member.sameAsRow", earlier));
                }
                actions.put("members", MemberImports.actionFor(MemberImports.match(known.people, facts), facts).name());
            }
        }
        if (errors.isEmpty() && row.errors().isEmpty() && !known.counted) {
            known.counted = true;
            actions.put("clubs", clubAction);
        }
        return new CheckedRow(group, new ImportedRow(commune.code, club.name(), club.hamlet(), establishedOn, facts), errors, actions);
    }

    private ClubInFile lookUp(String communeCode, String name, int row) {
        ClubInFile known = new ClubInFile();
        known.firstRow = row;
        known.stored = clubImports.active(communeCode, name, false).orElse(null);
        if (known.stored != null && withMembers) {
            known.people = memberImports.byPerson(known.stored.id);
        }
        return known;
    }

    private MemberFacts memberFacts(RowCells row) {
        String fullName = row.text("fullName");
        row.requireFilled("fullName");
        var gender = row.label("gender", RegistryLabels.GENDER);
        row.requireFilled("gender");
        DateOrYear birth = row.dateOrYear("birthDate");
        Integer birthYear = row.integer("birthYear");
        var household = row.label("householdStatus", RegistryLabels.HOUSEHOLD);
        row.requireFilled("householdStatus");
        Integer householdYear = row.integer("householdStatusYear");
        Boolean ethnic = row.yesNo("ethnicMinority");
        String phone = row.text("phone");
        LocalDate joinedOn = row.date("joinedOn");
        row.requireFilled("joinedOn");
        LocalDate birthDate = birth == null ? null : birth.date();
        Integer year = birthYear != null ? birthYear : birth != null && birthDate == null ? birth.year() : null;
        return new MemberFacts(fullName, gender, birthDate, year, household, householdYear, ethnic, phone, joinedOn);
    }

    private static RowError error(RowCells row, KeyedFieldError e) {
        return new RowError(e.field(), e.field() == null ? null : row.raw(e.field()), e.messageKey(), List.of(e.args()));
    }

    @Override
    public List<RowOutcome> write(ImportScope scope, List<StagedRow> rows) {
        Map<String, List<StagedRow>> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row));
        Places places = Places.load();
        LocalDate today = clock.today();
        Instant now = clock.now();
        List<RowOutcome> outcomes = new ArrayList<>();
        for (List<StagedRow> group : groups.values()) {
            outcomes.addAll(writeClub(scope, places, group, today, now));
        }
        return outcomes;
    }

    private List<RowOutcome> writeClub(ImportScope scope, Places places, List<StagedRow> staged, LocalDate today, Instant now) {
        List<ImportedRow> rows = staged.stream().map(s -> json.convertValue(s.data(), ImportedRow.class)).toList();
        ImportedRow first = rows.get(0);
        LocalDate establishedOn = rows.stream().map(ImportedRow::establishedOn).filter(d -> d != null).findFirst().orElse(null);
        String hamlet = rows.stream().map(ImportedRow::hamlet).filter(h -> h != null).findFirst().orElse(null);
        Club club = clubImports.active(first.communeCode(), first.clubName(), true).orElse(null);
        boolean isNew = club == null;
        List<KeyedFieldError> clubErrors = new ArrayList<>();
        Changes changes = new Changes().field("importJob", null, scope.jobId());
        boolean clubUpdated = false;
        if (isNew) {
            AdminUnit commune = establishedOn == null ? null : places.unitOn(first.communeCode(), establishedOn);
            if (commune == null || !commune.validOn(establishedOn)) {
                clubErrors.add(new KeyedFieldError("establishedOn", "import.club.establishedOnRequired"));
            } else if (!scope.mayWriteIn(commune.parentCode) && !scope.mayWriteIn(commune.code)) {
                clubErrors.add(new KeyedFieldError("communeCode", "import.row.otherDistrict", commune.fullName, scope.district()));
            } else {
                ClubImports.Checked checked = clubImports.check(first.clubName(), hamlet, establishedOn, today);
                clubErrors.addAll(checked.errors());
                if (clubErrors.isEmpty()) {
                    club = clubImports.register(commune, places.unitOn(commune.parentCode, establishedOn), checked, scope.actor(), now);
                }
            }
        } else {
            if (!scope.mayWriteIn(club.districtCode) && !scope.mayWriteIn(club.communeCode)) {
                clubErrors.add(new KeyedFieldError("communeCode", "import.row.otherDistrict", club.communeCode, scope.district()));
            } else if (ClubImports.differs(club, hamlet, establishedOn)) {
                clubErrors.addAll(clubImports.checkChange(club, establishedOn));
                if (clubErrors.isEmpty()) {
                    Changes updated = clubImports.update(club, hamlet, establishedOn);
                    clubUpdated = !updated.isEmpty();
                    changes = updated.field("importJob", null, scope.jobId());
                }
            }
        }
        if (!clubErrors.isEmpty()) {
            List<RowError> errors = clubErrors.stream().map(e -> new RowError(e.field(), null, e.messageKey(), List.of(e.args()))).toList();
            return staged.stream().map(s -> RowOutcome.refused(s.row(), errors)).toList();
        }
        String clubAction = isNew ? "CREATE" : clubUpdated ? "UPDATE" : "UNCHANGED";
        List<RowOutcome> outcomes = new ArrayList<>();
        boolean membersChanged = false;
        if (withMembers) {
            List<MemberImports.Written> written = memberImports.write(club, rows.stream().map(ImportedRow::member).toList(), scope.actor(), now, today);
            for (int i = 0; i < staged.size(); i++) {
                MemberImports.Written w = written.get(i);
                if (!w.errors().isEmpty()) {
                    outcomes.add(RowOutcome.refused(staged.get(i).row(), w.errors().stream()
                            .map(e -> new RowError(e.field(), null, e.messageKey(), List.of(e.args()))).toList()));
                    continue;
                }
                membersChanged |= w.action() != MemberImports.Action.UNCHANGED;
                Map<String, String> done = new LinkedHashMap<>();
                done.put("members", w.action().name());
                outcomes.add(RowOutcome.written(staged.get(i).row(), done));
            }
        } else {
            staged.forEach(s -> outcomes.add(RowOutcome.written(s.row(), new LinkedHashMap<>())));
        }
        outcomes.stream().filter(o -> o.errors().isEmpty()).findFirst().ifPresent(o -> o.done().put("clubs", clubAction));
        if (isNew || !"UNCHANGED".equals(clubAction) || membersChanged) {
            clubImports.imported(club, isNew, changes, scope.actor(), now);
        }
        return outcomes;
    }
}
