package org.sangdam.tenant;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sangdam.admin.FormErrors;
import org.sangdam.common.domain.SangdamException;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 전체 관리 → 서비스: every service with its contract's CTI switches (R1.1), and a
 * new service. The tenant service decides who may (system administrators only).
 */
@Named("servicesAdmin")
@ViewScoped
public class ServicesView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    TenantService tenants;

    private List<TenantInfo> services = List.of();
    private final Map<Long, Boolean> inbound = new HashMap<>();
    private final Map<Long, Boolean> outbound = new HashMap<>();
    private final FormErrors errors = new FormErrors();
    private String name;
    private boolean newInbound;
    private boolean newOutbound;

    @PostConstruct
    void load() {
        services = tenants.list();
        for (TenantInfo t : services) {
            inbound.put(t.id(), t.ctiInbound());
            outbound.put(t.id(), t.ctiOutbound());
        }
    }

    public void create() {
        errors.clear();
        try {
            tenants.create(new TenantSpec(name, newInbound, newOutbound));
            name = null;
            newInbound = false;
            newOutbound = false;
            FormErrors.info("admin.saved");
        } catch (SangdamException refused) {
            errors.refused(refused);
        }
        load();
    }

    /** a switch was flipped: the contract gets both switches as the row now shows them */
    public void saveContract(long id) {
        errors.clear();
        try {
            tenants.updateContract(id, new ContractTerms(inbound.get(id), outbound.get(id)));
            FormErrors.info("admin.saved");
        } catch (SangdamException refused) {
            errors.refusedOnPage(refused, id + ".");
        }
        load();
    }

    public List<TenantInfo> getServices() {
        return services;
    }

    public Map<Long, Boolean> getInbound() {
        return inbound;
    }

    public Map<Long, Boolean> getOutbound() {
        return outbound;
    }

    public Map<String, String> getErrors() {
        return errors.getByField();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isNewInbound() {
        return newInbound;
    }

    public void setNewInbound(boolean newInbound) {
        this.newInbound = newInbound;
    }

    public boolean isNewOutbound() {
        return newOutbound;
    }

    public void setNewOutbound(boolean newOutbound) {
        this.newOutbound = newOutbound;
    }
}
