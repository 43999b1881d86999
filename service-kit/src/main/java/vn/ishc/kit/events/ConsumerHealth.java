package vn.ishc.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * How many records this process set aside on the dead-letter topic, in the readiness details. It
 * never makes the service unready: the channel flows on; alert on {@code *_dead_letters_total}.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    @Inject
    RecordHandling handling;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dead-letters").withData("setAsideSinceStart", handling.deadLettered()).up().build();
    }
}
