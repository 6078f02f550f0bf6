package org.sangdam.cti;

import java.util.List;

/**
 * CTI settings (전체 관리 → CTI 관리 → CTI 설정, R1.3): trunks and DIDs of the
 * installation, and per service its recall time, status after login, prompts and
 * scenarios. Changes are for system administrators; a service's members may read
 * their own service's part.
 */
public interface CtiSettingsService {
    List<TrunkInfo> trunks();

    TrunkInfo createTrunk(TrunkSpec spec);

    TrunkInfo updateTrunk(long id, TrunkSpec spec);

    void deleteTrunk(long id);

    /** all DIDs for a system administrator */
    List<InboundNumberInfo> inboundNumbers();

    List<InboundNumberInfo> inboundNumbersOf(long tenantId);

    InboundNumberInfo createInboundNumber(InboundNumberSpec spec);

    InboundNumberInfo updateInboundNumber(long id, InboundNumberSpec spec);

    void deleteInboundNumber(long id);

    CtiSettingsInfo settings(long tenantId);

    CtiSettingsInfo updateSettings(long tenantId, CtiSettingsInfo settings);

    List<ScenarioInfo> scenarios(long tenantId);

    ScenarioInfo createScenario(long tenantId, ScenarioInfo scenario);

    /** Replaces a scenario's definition (name unchanged); the DIDs using it follow at their next call. */
    ScenarioInfo updateScenario(long tenantId, long scenarioId, ScenarioInfo scenario);
}
