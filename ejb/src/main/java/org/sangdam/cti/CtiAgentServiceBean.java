package org.sangdam.cti;

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
import org.sangdam.common.domain.ValidationException;
import org.sangdam.scenario.domain.QueueNames;
import org.sangdam.cti.domain.SipDigest;
import org.sangdam.phone.domain.Extensions;
import org.sangdam.user.User;
import org.sangdam.user.UserRepository;
import org.sangdam.user.domain.Role;

import java.util.List;
import java.util.regex.Pattern;

@Stateless
@Local(CtiAgentService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class CtiAgentServiceBean implements CtiAgentService {
    private static final Pattern CTI_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final int MIN_SIP_PASSWORD = 8;

    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    AuditTrail audit;
    @Inject
    CtiRepository cti;
    @Inject
    org.sangdam.routing.RoutingRequests routing;
    @Inject
    UserRepository users;

    @Override
    public List<CtiAgentInfo> list(long tenantId) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        return cti.agentsOf(tenantId).stream().map(CtiAgentInfo::of).toList();
    }

    @Override
    public CtiAgentInfo get(long tenantId, long userId) {
        callers.of(context).requireTenant(tenantId, "CTI agent", userId);
        return CtiAgentInfo.of(agentOf(tenantId, userId));
    }

    @Override
    public CtiAgentInfo assign(long tenantId, long userId, CtiAssignment assignment) {
        Caller caller = callers.of(context);
        caller.requireTenant(tenantId, "user", userId);
        caller.requireSystemAdmin("assign CTI IDs and numbers");
        User user = users.find(userId).filter(u -> u.getTenantId() != null && u.getTenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("user", userId));
        Require.present("body", assignment);
        String ctiId = Require.matching("ctiId", assignment.ctiId() == null ? null : assignment.ctiId().strip().toLowerCase(java.util.Locale.ROOT),
                CTI_ID, "must be 2 to 32 characters: lower-case letters, digits, '.', '_' or '-'");
        String ctiNumber = Extensions.normalise("ctiNumber", assignment.ctiNumber());
        if (user.getRole() != Role.AGENT || !user.hasPhonePermission()) {
            throw new ConflictException("userId", "grant the phone permission to this agent before assigning a CTI ID (R1.2)");
        }
        cti.agentByCtiId(ctiId).filter(a -> a.getUserId() != userId).ifPresent(a -> {
            throw new ConflictException("ctiId", "CTI ID '" + ctiId + "' is already assigned");
        });
        cti.agentByCtiNumber(ctiNumber).filter(a -> a.getUserId() != userId).ifPresent(a -> {
            throw new ConflictException("ctiNumber", "CTI number " + ctiNumber + " is already assigned");
        });
        CtiAgent agent = cti.agent(userId).orElse(null);
        String password = assignment.sipPassword();
        if (password == null && agent != null && agent.getCtiNumber().equals(ctiNumber)) {
            agent.assign(ctiId, ctiNumber, agent.getSipRealm(), agent.getSipHa1());
            audit.record(caller, tenantId, "ctiAgent.assigned", user.getUsername(), "ctiId=" + ctiId + ", ctiNumber=" + ctiNumber);
            return CtiAgentInfo.of(agent);
        }
        // the digest user is the CTI number, so a new number needs the password again
        if (password == null || password.length() < MIN_SIP_PASSWORD || password.length() > 128) {
            throw new ValidationException("sipPassword", "sipPassword must have " + MIN_SIP_PASSWORD + " to 128 characters");
        }
        String ha1 = SipDigest.ha1(ctiNumber, SipDigest.REALM, password);
        if (agent == null) {
            agent = new CtiAgent(userId, tenantId);
            agent.assign(ctiId, ctiNumber, SipDigest.REALM, ha1);
            cti.add(agent);
        } else {
            agent.assign(ctiId, ctiNumber, SipDigest.REALM, ha1);
        }
        audit.record(caller, tenantId, "ctiAgent.assigned", user.getUsername(), "ctiId=" + ctiId + ", ctiNumber=" + ctiNumber + ", new SIP password");
        return CtiAgentInfo.of(agent);
    }

    @Override
    public void unassign(long tenantId, long userId) {
        Caller caller = callers.of(context);
        caller.requireTenant(tenantId, "CTI agent", userId);
        caller.requireSystemAdmin("remove CTI IDs");
        CtiAgent agent = agentOf(tenantId, userId);
        cti.remove(agent);
        audit.record(caller, tenantId, "ctiAgent.removed", users.find(userId).map(User::getUsername).orElse("user " + userId),
                "ctiId=" + agent.getCtiId() + ", ctiNumber=" + agent.getCtiNumber());
    }

    @Override
    public AgentQueues queues(long tenantId, long userId) {
        callers.of(context).requireTenant(tenantId, "CTI agent", userId);
        return new AgentQueues(agentOf(tenantId, userId).getQueues());
    }

    @Override
    public AgentQueues setQueues(long tenantId, long userId, AgentQueues in) {
        Caller caller = callers.of(context);
        caller.requireTenantAdmin(tenantId, "CTI agent", userId);
        CtiAgent agent = agentOf(tenantId, userId);
        Require.present("queues", in == null ? null : in.queues());
        List<String> names = new java.util.ArrayList<>();
        for (String q : in.queues()) {
            String name = QueueNames.check("queues", q);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.size() > 20) {
            throw new ValidationException("queues", "an agent answers at most 20 queues");
        }
        agent.setQueues(names);
        routing.routeSoon(tenantId); // R2.6: a Ready agent who now answers a queue with waiting calls is offered one at once
        audit.record(caller, tenantId, "ctiAgent.queues", users.find(userId).map(User::getUsername).orElse("user " + userId),
                names.isEmpty() ? "every queue" : String.join(", ", names));
        return new AgentQueues(agent.getQueues());
    }

    private CtiAgent agentOf(long tenantId, long userId) {
        return cti.agent(userId).filter(a -> a.getTenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("CTI agent", userId));
    }
}
