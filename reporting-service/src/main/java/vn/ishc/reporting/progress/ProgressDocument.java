package vn.ishc.reporting.progress;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ishc.reporting.plan.PlanToDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The progress document of DESIGN.md: a programme's figures on one date, for the province and each
 * area in force then (decision 0013: districts before the 2025 reform, communes from it on).
 */
public record ProgressDocument(ProgrammeRef programme, LocalDate asOf, AreaProgress province,
                               @Schema(description = "Các huyện có hiệu lực vào ngày báo cáo; rỗng từ 01/07/2025 (không còn cấp huyện). "
                                       + "The province's districts in force on asOf, as before the reform; empty from 2025-07-01, when the "
                                       + "district level ended. Kept so that current clients keep working: use areas for any date.",
                                       required = true)
                               List<AreaProgress> districts,
                               @Schema(description = "Các địa bàn có hiệu lực vào ngày báo cáo, không phụ thuộc cấp. The level-neutral view: "
                                       + "the province's children in force on asOf — its districts before 2025-07-01, its communes from then "
                                       + "on — each with the same figures as a district. province = Σ areas + the province-level items "
                                       + "(contributions and pledges without an area, money recorded to a district that has ended, clubs "
                                       + "awaiting a successor commune).", required = true)
                               List<LevelledAreaProgress> areas,
                               @Schema(description = "CLB đang chờ xác định xã kế thừa. Active clubs on asOf whose commune was split and "
                                       + "whose successor commune has not been decided yet: they count at province level only.",
                                       required = true)
                               long clubsAwaitingSuccessor,
                               @Schema(required = true) Coverage coverage,
                               Freshness freshness) {

    /** An area of {@code areas}: the blocks of a district, and its level. */
    @Schema(name = "LevelledAreaProgress")
    public record LevelledAreaProgress(@Schema(required = true) String code, String name,
                                       @Schema(required = true, enumeration = {"DISTRICT", "COMMUNE"}) String level,
                                       ClubFigures clubs, MemberFigures members, ContributionFigures contributions, Targets targets,
                                       @Schema(description = "As for a district; null for a commune (plans are made by district)",
                                               nullable = true) PlanToDate plan,
                                       @Schema(nullable = true) Attainment attainmentOfPlan) {

        static LevelledAreaProgress of(AreaProgress area, String level) {
            return new LevelledAreaProgress(area.code(), area.name(), level, area.clubs(), area.members(), area.contributions(),
                    area.targets(), area.plan(), area.attainmentOfPlan());
        }

        /** The same figures without the level, as a district's. */
        public AreaProgress figures() {
            return new AreaProgress(code, name, clubs, members, contributions, targets, plan, attainmentOfPlan);
        }
    }

    /**
     * Độ phủ: communes in force on asOf (the province's, under its districts before the reform,
     * directly under it after) with at least one active club placed in them, out of all of them.
     */
    @Schema(name = "Coverage", description = "Độ phủ xã có CLB. Communes in force on asOf with at least one active club placed in them "
            + "÷ communes in force on asOf. share is a decimal from 0 to 1 (4 decimals), null when there is no commune.")
    public record Coverage(@Schema(required = true) long communes, @Schema(required = true) long communesWithActiveClub,
                           @Schema(nullable = true, example = "0.4565") Double share,
                           @Schema(description = "Only once the districts have ended (empty before): for each former district of "
                                   + "the province, the communes in force on asOf that succeed (wholly or in part) one of the communes "
                                   + "it had on its last day, and how many of them have an active club.", required = true)
                           List<FormerDistrictCoverage> formerDistricts) {
    }

    @Schema(name = "FormerDistrictCoverage")
    public record FormerDistrictCoverage(@Schema(required = true) String code, String name, @Schema(required = true) long communes,
                                         @Schema(required = true) long communesWithActiveClub,
                                         @Schema(nullable = true) Double share) {
    }

    /** A share with 4 decimals; null when there is nothing to share. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    public record ProgrammeRef(String code, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    public record AreaProgress(String code, String name, ClubFigures clubs, MemberFigures members,
                               ContributionFigures contributions, Targets targets,
                               @Schema(description = "Kế hoạch đã duyệt cộng dồn đến hết năm của ngày báo cáo. The approved district plans "
                                       + "up to the end of the asOf year (for the province, the districts' summed); null without an approved plan.",
                                       nullable = true) PlanToDate plan,
                               @Schema(description = "Tỷ lệ đạt so với kế hoạch (%). Active clubs, older members and money received "
                                       + "against the plan to date, in percent; null without a plan.", nullable = true) Attainment attainmentOfPlan) {
    }

    /** Percent, one decimal; a figure is null where the plan has nothing to attain. */
    public record Attainment(@Schema(nullable = true) Double clubs, @Schema(nullable = true) Double olderMembers,
                             @Schema(nullable = true) Double contributionsVnd) {

        public static Attainment of(long clubs, long older, long vnd, PlanToDate plan) {
            if (plan == null) {
                return null;
            }
            return new Attainment(percent(clubs, plan.clubs()), percent(older, plan.olderMembers()), percent(vnd, plan.contributionsVnd()));
        }

        public static Double percent(long actual, Long goal) {
            return goal == null || goal == 0 ? null : Math.round(actual * 1000.0 / goal) / 10.0;
        }
    }

    /** {@code new}: established on or after the programme start; {@code maintained}: before it. */
    public record ClubFigures(long active, @JsonProperty("new") long newlyEstablished, long maintained) {
    }

    public record MemberFigures(long active, long older, long women, long poor, long nearPoor, long hardship) {
    }

    public record ContributionFigures(long receivedVnd, long pledgedOutstandingVnd) {
    }

    /** Null where no target has been set for the area. */
    public record Targets(Integer clubs, Integer olderMembers, Long contributionsVnd) {
    }

    /** The newest event time applied from each source; null until its first event arrives. */
    public record Freshness(Instant registryThrough, Instant fundingThrough) {
    }
}
