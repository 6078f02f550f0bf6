package org.sangdam.cti;

/** A scenario and its JSON definition. */
public record ScenarioInfo(long id, long serviceId, String name, String definition) {
    static ScenarioInfo of(Scenario s) {
        return new ScenarioInfo(s.getId(), s.getTenantId(), s.getName(), s.getDefinition());
    }
}
