package vn.ishc.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Tells operators how the outbox is doing, inside the readiness report but never failing it: a
 * write service must stay ready while Kafka is away, because that is exactly when its outbox keeps
 * the writes safe. Alert on the {@code ishc_kafka_broker_reachable}, {@code ishc_outbox_pending}
 * and {@code ishc_outbox_parked_events} metrics instead.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox")
                .withData("kafkaReachable", relay.kafkaReachable())
                .withData("lastAcknowledged", String.valueOf(relay.lastAcknowledged()))
                .up().build();
    }
}
