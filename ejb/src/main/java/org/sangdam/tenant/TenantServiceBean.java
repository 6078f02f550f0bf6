package org.sangdam.tenant;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
import org.sangdam.access.domain.Caller;
import org.sangdam.audit.AuditTrail;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.Require;
import org.sangdam.cti.CtiRepository;
import org.sangdam.cti.CtiSettings;
import org.sangdam.cti.Scenario;

import java.util.List;

@Stateless
@Local(TenantService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class TenantServiceBean implements TenantService {
    /** what a new service's inbound numbers run until its scenario is edited: greet, then queue with music */
    public static final String DEFAULT_SCENARIO = "{\"greeting\":\"default-greeting\",\"queue\":{\"music\":\"default-moh\"}}";

    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    AuditTrail audit;
    @Inject
    TenantRepository tenants;
    @Inject
    CtiRepository cti;

    @Override
    public List<TenantInfo> list() {
        Caller caller = callers.of(context);
        if (caller.isSystemAdmin()) {
            return tenants.all().stream().map(TenantInfo::of).toList();
        }
        return tenants.find(caller.tenantId()).map(TenantInfo::of).stream().toList();
    }

    @Override
    public TenantInfo get(long id) {
        return TenantInfo.of(visible(callers.of(context), id));
    }

    @Override
    public TenantInfo create(TenantSpec spec) {
        Caller caller = callers.of(context);
        caller.requireSystemAdmin("create services");
        Require.present("body", spec);
        String name = uniqueName(spec.name(), null);
        Tenant tenant = tenants.add(new Tenant(name, Boolean.TRUE.equals(spec.ctiInbound()), Boolean.TRUE.equals(spec.ctiOutbound())));
        cti.add(new CtiSettings(tenant.getId()));
        cti.add(new Scenario(tenant.getId(), "default", DEFAULT_SCENARIO));
        audit.record(caller, tenant.getId(), "service.created", name, contract(tenant));
        return TenantInfo.of(tenant);
    }

    @Override
    public TenantInfo rename(long id, TenantSpec spec) {
        Caller caller = callers.of(context);
        Tenant tenant = visible(caller, id);
        caller.requireSystemAdmin("rename services");
        Require.present("body", spec);
        String before = tenant.getName();
        tenant.setName(uniqueName(spec.name(), id));
        audit.record(caller, id, "service.renamed", tenant.getName(), "was " + before);
        return TenantInfo.of(tenant);
    }

    @Override
    public TenantInfo updateContract(long id, ContractTerms terms) {
        Caller caller = callers.of(context);
        Tenant tenant = visible(caller, id);
        caller.requireSystemAdmin("change a service's contract");
        Require.present("body", terms);
        String before = contract(tenant);
        tenant.setContract(Require.present("ctiInbound", terms.ctiInbound()), Require.present("ctiOutbound", terms.ctiOutbound()));
        audit.record(caller, id, "contract.changed", tenant.getName(), before + " -> " + contract(tenant));
        return TenantInfo.of(tenant);
    }

    private static String contract(Tenant t) {
        return "ctiInbound=" + t.isCtiInbound() + ", ctiOutbound=" + t.isCtiOutbound();
    }

    private Tenant visible(Caller caller, long id) {
        caller.requireTenant(id, "service", id);
        return tenants.find(id).orElseThrow(() -> new NotFoundException("service", id));
    }

    private String uniqueName(String raw, Long self) {
        String name = Require.text("name", raw, 100);
        tenants.findByName(name).filter(t -> !t.getId().equals(self)).ifPresent(t -> {
            throw new ConflictException("name", "a service named '" + name + "' already exists");
        });
        return name;
    }
}
