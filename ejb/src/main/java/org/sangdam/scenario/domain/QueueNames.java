package org.sangdam.scenario.domain;

/** The rule for queue names, shared by scenarios and agents' queue lists. */
public final class QueueNames {
    private QueueNames() {
    }

    /** @throws org.sangdam.common.domain.ValidationException naming {@code field} when the name is not a queue name */
    public static String check(String field, String name) {
        return Names.queue(field, name == null ? null : name.strip());
    }
}
