package org.sangdam.admin;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.console.ConsoleView;
import org.sangdam.tenant.TenantInfo;
import org.sangdam.tenant.TenantService;

import java.io.IOException;
import java.io.Serializable;

/**
 * The service a service-administration page (서비스 관리) is about: a service
 * administrator's own, or for a system administrator the one in {@code ?service=}.
 * Which one the caller may see is the tenant service's rule: another service is
 * not found for them, and the page answers 404 without showing anything of it.
 */
public abstract class ServicePage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    TenantService tenants;
    @Inject
    ConsoleView console;

    private String service;
    private TenantInfo tenant;

    /** what the page reads once the service is known */
    protected abstract void loaded();

    /** the page's f:viewAction: resolves the service or answers 404 (302 to the services list for a system administrator without one) */
    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ext = faces.getExternalContext();
        Long id;
        try {
            id = service == null || service.isBlank() ? console.getServiceId() : Long.valueOf(service.strip());
        } catch (NumberFormatException bad) {
            id = -1L;
        }
        if (id == null) {
            ext.redirect(ext.getRequestContextPath() + "/admin/system/services.xhtml");
            faces.responseComplete();
            return;
        }
        try {
            tenant = tenants.get(id);
        } catch (NotFoundException notHere) {
            ext.responseSendError(404, "no such service");
            faces.responseComplete();
            return;
        }
        loaded();
    }

    public TenantInfo getTenant() {
        return tenant;
    }

    public long serviceId() {
        return tenant.id();
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }
}
