package org.sangdam.callerid;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sangdam.admin.FormErrors;
import org.sangdam.callerid.domain.CallerIdStatus;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.tenant.TenantInfo;
import org.sangdam.tenant.TenantService;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 전체 관리 → 발신번호 승인 (R1.5): every service's pending numbers with approve and
 * reject (a reason is required), and the approved ones with revoke. The lifecycle
 * (what may follow what) is the caller-ID service's.
 */
@Named("callerIdApprovals")
@ViewScoped
public class CallerIdApprovalsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    CallerIdService callerIds;
    @EJB
    TenantService tenants;

    private List<CallerIdInfo> pending = List.of();
    private List<CallerIdInfo> approved = List.of();
    private Map<Long, String> serviceNames = Map.of();
    private final Map<Long, String> reason = new HashMap<>();
    private final FormErrors errors = new FormErrors();

    @PostConstruct
    void load() {
        pending = callerIds.pending();
        List<TenantInfo> services = tenants.list();
        Map<Long, String> names = new HashMap<>();
        List<CallerIdInfo> usable = new ArrayList<>();
        for (TenantInfo t : services) {
            names.put(t.id(), t.name());
            callerIds.list(t.id()).stream().filter(c -> c.status() == CallerIdStatus.APPROVED).forEach(usable::add);
        }
        serviceNames = names;
        approved = usable;
    }

    public void approve(CallerIdInfo c) {
        decide(c, () -> callerIds.approve(c.serviceId(), c.id()));
    }

    public void reject(CallerIdInfo c) {
        decide(c, () -> callerIds.reject(c.serviceId(), c.id(), new CallerIdRequest(null, null, reason.get(c.id()))));
    }

    public void revoke(CallerIdInfo c) {
        decide(c, () -> callerIds.revoke(c.serviceId(), c.id(), new CallerIdRequest(null, null, reason.get(c.id()))));
    }

    private void decide(CallerIdInfo c, Runnable decision) {
        errors.clear();
        try {
            decision.run();
            reason.remove(c.id());
            FormErrors.info("admin.saved");
            load();
        } catch (SangdamException refused) {
            errors.refused(refused, c.id() + ".");
        }
    }

    public String error(long id, String field) {
        return errors.getByField().get(id + "." + field);
    }

    public String serviceName(long id) {
        return serviceNames.getOrDefault(id, "#" + id);
    }

    public List<CallerIdInfo> getPending() { return pending; }
    public List<CallerIdInfo> getApproved() { return approved; }
    public Map<Long, String> getReason() { return reason; }
}
