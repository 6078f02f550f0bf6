package org.sangdam.cti;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sangdam.admin.ServicePage;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** 서비스 관리 → 전화 → 수신번호: the service's DIDs and the scenario each runs, read-only (a system administrator routes them, R1.3). */
@Named("inboundNumbersView")
@ViewScoped
public class InboundNumbersView extends ServicePage {
    private static final long serialVersionUID = 1L;

    @EJB
    CtiSettingsService cti;

    private List<InboundNumberInfo> numbers = List.of();
    private Map<Long, String> scenarioNames = Map.of();

    @Override
    protected void loaded() {
        numbers = cti.inboundNumbersOf(serviceId());
        scenarioNames = cti.scenarios(serviceId()).stream().collect(Collectors.toMap(ScenarioInfo::id, ScenarioInfo::name));
    }

    public String scenarioName(long id) {
        return scenarioNames.getOrDefault(id, "#" + id);
    }

    public List<InboundNumberInfo> getNumbers() { return numbers; }
}
