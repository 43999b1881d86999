package vn.ishc.registry.support;

import vn.ishc.localstack.StackProcess;
import vn.ishc.testkit.stack.LocalStackResource;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Takes the test broker away (its process stopped) and brings it back on the same ports and data. */
public final class KafkaOutage {

    private static Properties stopped;

    private KafkaOutage() {
    }

    public static synchronized void stopBroker() throws Exception {
        stopped = StackProcess.readReadyFile(LocalStackResource.KAFKA_DIR);
        ProcessHandle broker = ProcessHandle.of(Long.parseLong(stopped.getProperty("pid"))).orElseThrow();
        broker.destroy();
        broker.onExit().get(60, TimeUnit.SECONDS);
    }

    public static synchronized void startBroker() throws Exception {
        StackProcess.start(LocalStackResource.KAFKA_DIR, "kafka", false,
                Integer.parseInt(stopped.getProperty("kafka.port")), Integer.parseInt(stopped.getProperty("kafka.controller.port")));
    }
}
