package vn.ishc.funding.events;

/** The topics funding publishes (schemas under /schemas) and the registry topics it replicates. */
public final class Topics {

    /** One record per contribution change, keyed by contribution id, compacted. */
    public static final String CONTRIBUTIONS = "funding.contributions.v1";
    /** One record per pledge change, keyed by pledge id, compacted. */
    public static final String PLEDGES = "funding.pledges.v1";

    private Topics() {
    }
}
