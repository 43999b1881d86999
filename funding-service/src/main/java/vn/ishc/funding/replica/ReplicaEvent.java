package vn.ishc.funding.replica;

import vn.ishc.kit.events.IncomingEvent;

/** One registry event read for the replica: its envelope, the topic it came from, its aggregate's key and what it carries. */
public record ReplicaEvent<K, D>(IncomingEvent event, String topic, K key, D data) {
}
