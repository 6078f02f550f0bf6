package org.sangdam.agent;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
import org.sangdam.agent.domain.AgentState;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.cti.CtiAgent;
import org.sangdam.cti.CtiRepository;
import org.sangdam.tenant.TenantRepository;
import org.sangdam.user.User;
import org.sangdam.user.UserRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Stateless
@Local(AgentBoardService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN"})
public class AgentBoardServiceBean implements AgentBoardService {
    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    UserRepository users;
    @Inject
    TenantRepository tenants;
    @Inject
    CtiRepository cti;
    @Inject
    AgentSessionRepository sessions;

    @Override
    public List<AgentBoardRow> board(long serviceId) {
        callers.of(context).requireTenant(serviceId, "service", serviceId);
        tenants.find(serviceId).orElseThrow(() -> new NotFoundException("service", serviceId));
        List<AgentBoardRow> rows = new ArrayList<>();
        for (User u : users.ofTenant(serviceId)) {
            Optional<CtiAgent> agent = cti.agent(u.getId());
            if (agent.isEmpty()) {
                continue;
            }
            Optional<AgentSession> s = sessions.find(u.getId()).filter(x -> x.getTenantId() == serviceId);
            rows.add(new AgentBoardRow(u.getId(), u.getUsername(), u.getDisplayName(), agent.get().getCtiNumber(),
                    s.map(AgentSession::getState).orElse(AgentState.LOGGED_OUT.name()),
                    s.map(AgentSession::getReason).orElse(null),
                    s.map(AgentSession::getSince).orElse(null)));
        }
        return rows;
    }
}
