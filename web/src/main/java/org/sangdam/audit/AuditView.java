package org.sangdam.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sangdam.tenant.TenantInfo;
import org.sangdam.tenant.TenantService;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** 전체 관리 → 변경 이력: who changed which setting when, newest first, for every service or one. */
@Named("auditAdmin")
@ViewScoped
public class AuditView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    AuditService audit;
    @EJB
    TenantService tenants;

    private Long serviceId;
    private List<AuditInfo> rows = List.of();
    private List<TenantInfo> services = List.of();
    private Map<Long, String> serviceNames = Map.of();

    @PostConstruct
    void init() {
        services = tenants.list();
        serviceNames = services.stream().collect(Collectors.toMap(TenantInfo::id, TenantInfo::name));
        load();
    }

    public void load() {
        rows = audit.newest(serviceId);
    }

    public String serviceName(Long id) {
        return id == null ? "" : serviceNames.getOrDefault(id, "#" + id);
    }

    public List<AuditInfo> getRows() { return rows; }
    public List<TenantInfo> getServices() { return services; }
    public Long getServiceId() { return serviceId; }
    public void setServiceId(Long v) { serviceId = v; }
}
