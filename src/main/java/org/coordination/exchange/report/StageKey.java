package org.coordination.exchange.report;

/**
 * Identifies a stage: the agreement it belongs to and its number.
 *
 * @param agreement agreement name, {@code ""} when the records gave none
 * @param stage stage number
 */
public record StageKey(String agreement, int stage) {

}
