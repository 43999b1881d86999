package vn.ishc.reporting.projection;

import vn.ishc.kit.events.BatchHandling;
import vn.ishc.reporting.config.Topics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Which projection applies each consumed topic, with how its records are read: the live consumers
 * and a rebuild's replay apply events through the very same code.
 */
@ApplicationScoped
public class TopicProjections {

    /** How the records of one topic are read and applied, a batch at a time. */
    public record Projection<T>(BatchHandling.Reader<T> reader, BatchHandling.Applier<T> applier) {
    }

    /** Administrative units first: the other projections read the areas' periods when they apply an event. */
    public static final List<String> TOPICS = List.of(Topics.ADMIN_UNITS, Topics.CLUB_SNAPSHOTS, Topics.CONTRIBUTIONS, Topics.PLEDGES);

    @Inject
    ClubProjection clubs;

    @Inject
    AdminUnitProjection adminUnits;

    @Inject
    FundingProjection funding;

    public Projection<?> of(String topic) {
        return switch (topic) {
            case Topics.ADMIN_UNITS -> new Projection<>(r -> adminUnits.read(r.value()), adminUnits::apply);
            case Topics.CLUB_SNAPSHOTS -> new Projection<>(r -> clubs.read(r.value()), clubs::apply);
            case Topics.CONTRIBUTIONS -> new Projection<>(r -> funding.readContribution(r.value()), funding::applyContributions);
            case Topics.PLEDGES -> new Projection<>(r -> funding.readPledge(r.value()), funding::applyPledges);
            default -> throw new IllegalArgumentException("reporting does not consume " + topic);
        };
    }
}
