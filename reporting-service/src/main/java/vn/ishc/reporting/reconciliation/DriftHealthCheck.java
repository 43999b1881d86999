package vn.ishc.reporting.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The last scheduled reconciliation in the readiness details. Always UP: drift is a data problem
 * to investigate (and alert on through the metric), not a reason to stop serving the figures.
 */
@Readiness
@ApplicationScoped
public class DriftHealthCheck implements HealthCheck {

    @Inject
    DriftCheck drift;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("reconciliation").up();
        DriftCheck.LastCheck last = drift.last();
        if (last == null) {
            return response.withData("outcome", "NOT_YET_CHECKED").build();
        }
        response.withData("outcome", last.outcome()).withData("checkedAt", last.at().toString());
        if (last.reason() != null) {
            response.withData("reason", last.reason());
        }
        last.reports().forEach((programme, report) ->
                response.withData(programme, report.status() + " (" + report.differences().size() + " differences of "
                        + report.figuresCompared() + " figures, asOf " + report.asOf() + ")"));
        return response.build();
    }
}
