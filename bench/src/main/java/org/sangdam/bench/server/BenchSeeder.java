package org.sangdam.bench.server;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sangdam.cti.CtiAgent;
import org.sangdam.cti.CtiSettings;
import org.sangdam.cti.InboundNumber;
import org.sangdam.cti.Scenario;
import org.sangdam.cti.domain.InitialStatus;
import org.sangdam.cti.domain.SipDigest;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.tenant.Tenant;
import org.sangdam.tenant.TenantServiceBean;
import org.sangdam.user.User;
import org.sangdam.user.domain.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * Set-up, not measured: a service as the admin API would leave it (contract with CTI
 * inbound, CTI settings, default scenario, one inbound number) and its phone agents
 * with CTI IDs and numbers, written directly in one transaction. The API would cost a
 * bcrypt hash per agent; here every agent shares one hash (they never log in over HTTP).
 */
@Stateless
@PermitAll
public class BenchSeeder {
    @PersistenceContext(unitName = "sangdam")
    EntityManager em;

    public record SeededAgent(long userId, String username, String ctiNumber) {
    }

    public record SeededService(long id, String name, String did, List<SeededAgent> agents) {
    }

    /** the next free number block: CTI numbers and DIDs are unique across the installation */
    public long countAgents() {
        return em.createQuery("select count(a) from CtiAgent a", Long.class).getSingleResult();
    }

    public long countReady(List<Long> services) {
        return em.createQuery("select count(s) from AgentSession s where s.tenantId in :services and s.state = 'READY'", Long.class)
                .setParameter("services", services).getSingleResult();
    }

    public SeededService createService(String name, String did, int agents, int firstCtiNumber, int recallSeconds, String passwordHash) {
        Tenant tenant = new Tenant(name, true, false);
        em.persist(tenant);
        em.flush();
        CtiSettings settings = new CtiSettings(tenant.getId());
        // Ready right after CTI login (R1.3): the agents take calls at once
        settings.update(recallSeconds, InitialStatus.READY, null, null, null);
        em.persist(settings);
        Scenario scenario = new Scenario(tenant.getId(), "default", TenantServiceBean.DEFAULT_SCENARIO);
        em.persist(scenario);
        em.flush();
        InboundNumber number = new InboundNumber(PhoneNumbers.normalise("did", did));
        number.route(tenant.getId(), scenario.getId(), null);
        em.persist(number);

        List<SeededAgent> seeded = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            String username = name + "-a" + i;
            User user = new User(username, "Bench agent " + i + " of " + name, passwordHash, Role.AGENT, tenant.getId());
            user.setPhonePermission(true);
            em.persist(user);
            em.flush();
            String ctiNumber = Integer.toString(firstCtiNumber + i);
            CtiAgent agent = new CtiAgent(user.getId(), tenant.getId());
            agent.assign(username, ctiNumber, SipDigest.REALM, SipDigest.ha1(ctiNumber, SipDigest.REALM, "bench-" + ctiNumber));
            em.persist(agent);
            seeded.add(new SeededAgent(user.getId(), username, ctiNumber));
        }
        em.flush();
        return new SeededService(tenant.getId(), name, did, seeded);
    }
}
