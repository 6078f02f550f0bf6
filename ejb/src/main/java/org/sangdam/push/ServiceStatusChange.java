package org.sangdam.push;

/**
 * An agent of the service changed CTI status: the service's status boards (R2.3,
 * shown to supervisors) re-read it. Fired as a CDI event; delivered after commit.
 */
public record ServiceStatusChange(long serviceId, long userId) {
}
