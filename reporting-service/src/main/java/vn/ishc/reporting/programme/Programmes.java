package vn.ishc.reporting.programme;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.reporting.config.Province;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Programmes and their targets. */
@ApplicationScoped
public class Programmes {

    public Programme get(String code) {
        Programme programme = Programme.findById(code);
        if (programme == null) {
            throw ProblemException.notFound("programme.notFound", code);
        }
        return programme;
    }

    public List<Programme> all() {
        return Programme.listAll(io.quarkus.panache.common.Sort.by("startsOn").and("code"));
    }

    /** Targets by area code (the province code and district codes). */
    public Map<String, ProgrammeTarget> targets(String programmeCode) {
        return ProgrammeTarget.<ProgrammeTarget>list("programmeCode", programmeCode).stream()
                .collect(Collectors.toMap(t -> t.areaCode, Function.identity()));
    }

    public ProgrammeView view(Programme programme) {
        ProgrammeTarget province = targets(programme.code).get(Province.CODE);
        return new ProgrammeView(programme.code, programme.name, programme.startsOn, programme.endsOn, programme.legalBasis,
                province == null ? null : new ProgrammeView.ProvinceTargets(province.clubs, province.olderMembers, province.contributionsVnd));
    }
}
