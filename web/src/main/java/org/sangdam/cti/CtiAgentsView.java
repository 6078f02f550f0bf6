package org.sangdam.cti;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sangdam.admin.FormErrors;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.tenant.TenantInfo;
import org.sangdam.tenant.TenantService;
import org.sangdam.user.UserInfo;
import org.sangdam.user.UserService;
import org.sangdam.user.domain.Role;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 전체 관리 → CTI 관리 → CTI 상담원 관리 (R1.4): per phone-enabled agent of a service,
 * the CTI ID, CTI number and SIP password. Uniqueness and the phone-permission rule
 * are the CTI agent service's; a refusal shows beside the row's field.
 */
@Named("ctiAgentsAdmin")
@ViewScoped
public class CtiAgentsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    CtiAgentService ctiAgents;
    @EJB
    UserService users;
    @EJB
    TenantService tenants;

    private List<TenantInfo> services = List.of();
    private Long serviceId;
    private List<UserInfo> agents = List.of();
    private final Map<Long, String> ctiId = new HashMap<>();
    private final Map<Long, String> ctiNumber = new HashMap<>();
    private final Map<Long, String> sipPassword = new HashMap<>();
    private final FormErrors errors = new FormErrors();

    @PostConstruct
    void init() {
        services = tenants.list();
        if (!services.isEmpty()) {
            serviceId = services.get(0).id();
        }
        load();
    }

    public void load() {
        agents = serviceId == null ? List.of() : users.list(serviceId).stream()
                .filter(u -> u.role() == Role.AGENT && u.phonePermission() && u.active()).toList();
        ctiId.clear();
        ctiNumber.clear();
        sipPassword.clear();
        for (UserInfo u : agents) {
            ctiId.put(u.id(), u.ctiId());
            ctiNumber.put(u.id(), u.ctiNumber());
        }
    }

    public void serviceChanged() {
        errors.clear();
        load();
    }

    public void assign(long userId) {
        errors.clear();
        try {
            String password = sipPassword.get(userId);
            ctiAgents.assign(serviceId, userId, new CtiAssignment(ctiId.get(userId), ctiNumber.get(userId),
                    password == null || password.isEmpty() ? null : password));
            FormErrors.info("admin.saved");
            load();
        } catch (SangdamException refused) {
            // the row keeps what was typed; the error shows beside its field
            errors.refused(refused, userId + ".");
        }
    }

    public void unassign(long userId) {
        errors.clear();
        try {
            ctiAgents.unassign(serviceId, userId);
            FormErrors.info("admin.removed");
            load();
        } catch (SangdamException refused) {
            errors.refused(refused, userId + ".");
        }
    }

    public String error(long userId, String field) {
        return errors.getByField().get(userId + "." + field);
    }

    public List<TenantInfo> getServices() { return services; }
    public Long getServiceId() { return serviceId; }
    public void setServiceId(Long v) { serviceId = v; }
    public List<UserInfo> getAgents() { return agents; }
    public Map<Long, String> getCtiId() { return ctiId; }
    public Map<Long, String> getCtiNumber() { return ctiNumber; }
    public Map<Long, String> getSipPassword() { return sipPassword; }
}
