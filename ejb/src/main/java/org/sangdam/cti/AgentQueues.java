package org.sangdam.cti;

import java.util.List;

/** The queues an agent answers (R2.6 scenario menus); empty = every queue of the service. */
public record AgentQueues(List<String> queues) {
}
