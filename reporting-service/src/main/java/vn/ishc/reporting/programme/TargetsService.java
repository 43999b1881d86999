package vn.ishc.reporting.programme;

import vn.ishc.reporting.projection.Areas;

import vn.ishc.reporting.figures.ProgressDocuments;
import vn.ishc.reporting.config.Province;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.ishc.reporting.figures.FigureBackfill;
import jakarta.transaction.Transactional;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates programmes and sets their targets, for the province and split by district. */
@ApplicationScoped
public class TargetsService {

    static final long MAX_COUNT = 1_000_000;
    static final long MAX_VND = 10_000_000_000_000L;

    @Inject
    Programmes programmes;

    @Inject
    EntityManager em;

    @Inject
    Areas areas;

    @Inject
    FigureBackfill figures;

    @Inject
    ProgressDocuments documents;

    @Transactional
    public Programme create(NewProgramme request) {
        List<KeyedFieldError> errors = new ArrayList<>();
        String name = CleanText.name(request.name());
        if (name.length() < 3 || name.length() > 300) {
            errors.add(new KeyedFieldError("name", "programme.name.length"));
        } else if (!CleanText.isReadableName(name)) {
            errors.add(new KeyedFieldError("name", "name.unreadable"));
        }
        if (request.endsOn().isBefore(request.startsOn())) {
            errors.add(new KeyedFieldError("endsOn", "programme.endsOn.beforeStart"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (Programme.findById(request.code()) != null) {
            throw ProblemException.conflict("programme.exists", request.code());
        }
        Programme p = new Programme();
        p.code = request.code();
        p.name = name;
        p.startsOn = request.startsOn();
        p.endsOn = request.endsOn();
        p.legalBasis = CleanText.optional(request.legalBasis());
        figures.addProgrammeStart(p.startsOn);
        p.persist();
        progressChanged();
        return p;
    }

    @Transactional
    public TargetsView replace(String programmeCode, TargetsRequest request) {
        Programme programme = programmes.get(programmeCode);
        List<KeyedFieldError> errors = new ArrayList<>();
        check("province", request.province().clubs(), request.province().olderMembers(), request.province().contributionsVnd(), errors);
        List<TargetsRequest.DistrictFigures> districts = new ArrayList<>();
        Set<String> communes = communesOn(programme.startsOn);
        Set<String> known = communes.isEmpty() ? areas.districtsEver() : communes;
        Set<String> seen = new HashSet<>();
        for (String list : List.of("districts", "areas")) {
            List<TargetsRequest.DistrictFigures> given = "districts".equals(list) ? request.districts() : request.areas();
            for (int i = 0; given != null && i < given.size(); i++) {
                TargetsRequest.DistrictFigures d = given.get(i);
                String field = list + "[" + i + "]";
                if (!known.contains(d.code())) {
                    errors.add(communes.isEmpty() ? new KeyedFieldError(field + ".code", "targets.district.unknown", d.code())
                            : new KeyedFieldError(field + ".code", "targets.commune.unknown", d.code(), programme.startsOn));
                } else if (!seen.add(d.code())) {
                    errors.add(new KeyedFieldError(field + ".code", "targets.district.twice", d.code()));
                }
                check(field, d.clubs(), d.olderMembers(), d.contributionsVnd(), errors);
                districts.add(d);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ProgrammeTarget.delete("programmeCode", programme.code);
        save(programme.code, Province.CODE, request.province().clubs(), request.province().olderMembers(),
                request.province().contributionsVnd());
        for (TargetsRequest.DistrictFigures d : districts) {
            save(programme.code, d.code(), d.clubs(), d.olderMembers(), d.contributionsVnd());
        }
        progressChanged();
        return view(programme);
    }

    /**
     * The communes directly under the province on the day: a programme starting when the province has
     * them (after the 2025 reform) sets its targets by commune; otherwise by district.
     */
    private Set<String> communesOn(java.time.LocalDate day) {
        Set<String> codes = new java.util.TreeSet<>();
        areas.areasOn(day).stream().filter(a -> "COMMUNE".equals(a.level())).forEach(a -> codes.add(a.code()));
        return codes;
    }

    /** Progress documents show programmes and targets. */
    private void progressChanged() {
        documents.changed();
    }

    public TargetsView view(Programme programme) {
        Map<String, ProgrammeTarget> targets = programmes.targets(programme.code);
        ProgrammeTarget province = targets.get(Province.CODE);
        List<TargetsView.Area> districts = targets.values().stream().filter(t -> !t.areaCode.equals(Province.CODE))
                .sorted(Comparator.comparing(t -> t.areaCode)).map(TargetsService::area).toList();
        long clubs = districts.stream().mapToLong(a -> a.clubs() == null ? 0 : a.clubs()).sum();
        long older = districts.stream().mapToLong(a -> a.olderMembers() == null ? 0 : a.olderMembers()).sum();
        long vnd = districts.stream().mapToLong(a -> a.contributionsVnd() == null ? 0 : a.contributionsVnd()).sum();
        TargetsView.AddsUp addsUp = province == null ? new TargetsView.AddsUp(null, null, null) : new TargetsView.AddsUp(
                province.clubs == null ? null : province.clubs == clubs,
                province.olderMembers == null ? null : province.olderMembers == older,
                province.contributionsVnd == null ? null : province.contributionsVnd == vnd);
        return new TargetsView(programme.code, province == null ? null : area(province), districts,
                new TargetsView.DistrictSums(clubs, older, vnd), addsUp);
    }

    private static void check(String area, Long clubs, Long older, Long vnd, List<KeyedFieldError> errors) {
        if (clubs != null && (clubs < 0 || clubs > MAX_COUNT)) {
            errors.add(new KeyedFieldError(area + ".clubs", "targets.count.range", MAX_COUNT));
        }
        if (older != null && (older < 0 || older > MAX_COUNT)) {
            errors.add(new KeyedFieldError(area + ".olderMembers", "targets.count.range", MAX_COUNT));
        }
        if (vnd != null && (vnd < 0 || vnd > MAX_VND)) {
            errors.add(new KeyedFieldError(area + ".contributionsVnd", "targets.vnd.range"));
        }
    }

    private static void save(String programme, String area, Long clubs, Long older, Long vnd) {
        ProgrammeTarget t = new ProgrammeTarget();
        t.programmeCode = programme;
        t.areaCode = area;
        t.clubs = clubs == null ? null : clubs.intValue();
        t.olderMembers = older == null ? null : older.intValue();
        t.contributionsVnd = vnd;
        t.persist();
    }

    private static TargetsView.Area area(ProgrammeTarget t) {
        return new TargetsView.Area(t.areaCode, t.clubs, t.olderMembers, t.contributionsVnd);
    }
}
