package org.sangdam.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.sangdam.user.UserInfo;
import org.sangdam.user.UserService;
import org.sangdam.user.domain.Role;

import java.io.IOException;

/** Who is at the console, and what the layout shows them: the phone widget only with phone permission (R1.2, R2.1). */
@Named("console")
@RequestScoped
public class ConsoleView {
    @EJB
    UserService users;

    private UserInfo me;

    public UserInfo getMe() {
        if (me == null) {
            me = users.me();
        }
        return me;
    }

    /** Only agents with the phone permission see the widget and can CTI-login (R1.2). */
    public boolean isPhone() {
        UserInfo u = getMe();
        return u.role() == Role.AGENT && u.phonePermission();
    }

    /** 전체 관리: the installation's set-up (issue 3) */
    public boolean isSystemAdmin() {
        return getMe().role() == Role.SYSTEM_ADMIN;
    }

    /** 서비스 관리: a service's own set-up, for its administrator and for system administrators */
    public boolean isServiceAdmin() {
        return getMe().role() == Role.SERVICE_ADMIN || isSystemAdmin();
    }

    public Long getServiceId() {
        return getMe().serviceId();
    }

    public void logout() throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ((HttpServletRequest) ext.getRequest()).logout();
        } catch (ServletException alreadyOut) {
            // nothing to undo
        }
        ext.invalidateSession();
        ext.redirect(ext.getRequestContextPath() + "/");
    }
}
