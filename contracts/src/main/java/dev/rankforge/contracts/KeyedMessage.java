package dev.rankforge.contracts;

/**
 * A message that names the Kafka record key it travels under: the job (or dataset) it is about. Every message of one
 * job lands on one partition, so a job's requests and events stay in order while topics have several partitions and
 * each service's consumer group spreads them over its replicas.
 */
public interface KeyedMessage {
    /** The record key: the id of the job or dataset this message is about, as text. */
    String messageKey();
}
