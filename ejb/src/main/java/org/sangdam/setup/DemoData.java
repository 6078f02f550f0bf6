package org.sangdam.setup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.sangdam.callerid.CallerId;
import org.sangdam.callerid.CallerIdRepository;
import org.sangdam.callerid.domain.CallerIdAction;
import org.sangdam.cti.CtiAgent;
import org.sangdam.cti.CtiRepository;
import org.sangdam.cti.CtiSettings;
import org.sangdam.cti.InboundNumber;
import org.sangdam.cti.Scenario;
import org.sangdam.cti.SipTrunk;
import org.sangdam.cti.domain.InitialStatus;
import org.sangdam.cti.domain.SipDigest;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.setup.domain.AccountPolicy;
import org.sangdam.tenant.Tenant;
import org.sangdam.tenant.TenantRepository;
import org.sangdam.tenant.TenantServiceBean;
import org.sangdam.transfer.TransferNumber;
import org.sangdam.transfer.TransferNumberRepository;
import org.sangdam.user.PasswordHasher;
import org.sangdam.user.User;
import org.sangdam.user.UserRepository;
import org.sangdam.user.domain.Role;

/**
 * The accounts Sangdam starts with. In demo mode ({@link SangdamConfig#demoMode()})
 * it seeds "Demo Helpdesk" once and prints the demo logins. Outside demo mode no
 * published password may log in: accounts still carrying a demo password are
 * deactivated, and the first system administrator comes from
 * {@code SANGDAM_ADMIN_PASSWORD}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {
    static final String DEMO_TENANT = "Demo Helpdesk";
    static final String DEMO_PASSWORD = AccountPolicy.DEMO_PASSWORD;
    static final String DEMO_SIP_PASSWORD = "sip-demo-1234";
    static final String DEMO_DID = "02-555-0100";
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    TenantRepository tenants;
    @Inject
    UserRepository users;
    @Inject
    CtiRepository cti;
    @Inject
    CallerIdRepository callerIds;
    @Inject
    TransferNumberRepository transferNumbers;

    @PostConstruct
    void start() {
        if (SangdamConfig.demoMode()) {
            if (tenants.findByName(DEMO_TENANT).isEmpty()) {
                seed();
            }
            LOG.info(banner());
        }
        if (AccountPolicy.lockDemoAccounts(SangdamConfig.demoMode())) {
            lockDemoAccounts();
        }
        bootstrapAdmin();
    }

    private void seed() {
        user("sysadmin", "시스템 관리자 (System admin)", Role.SYSTEM_ADMIN, null, false);
        Tenant demo = tenants.add(new Tenant(DEMO_TENANT, true, true));
        long t = demo.getId();
        user("manager", "서비스 관리자 (Service admin)", Role.SERVICE_ADMIN, t, false);
        for (int i = 1; i <= 3; i++) {
            User agent = user("agent" + i, "상담원 " + i + " (Agent " + i + ")", Role.AGENT, t, true);
            CtiAgent identity = new CtiAgent(agent.getId(), t);
            String extension = String.valueOf(1000 + i);
            identity.assign("agent" + i, extension, SipDigest.REALM, SipDigest.ha1(extension, SipDigest.REALM, DEMO_SIP_PASSWORD));
            cti.add(identity);
        }
        CtiSettings settings = new CtiSettings(t);
        settings.update(CtiSettings.DEFAULT_RECALL_SECONDS, InitialStatus.WORK, "default-moh", "default-abusive",
                "고객님, 폭언 및 위협으로 상담을 계속할 수 없어 통화를 종료합니다. / We are ending this call because of abusive language or threats.");
        cti.add(settings);
        Scenario scenario = cti.add(new Scenario(t, "default", TenantServiceBean.DEFAULT_SCENARIO));
        SipTrunk trunk = new SipTrunk("demo-trunk");
        trunk.configure("127.0.0.1", 5070, "UDP", "127.0.0.1", null, null);
        cti.add(trunk);
        InboundNumber did = new InboundNumber(PhoneNumbers.normalise("number", DEMO_DID));
        did.route(t, scenario.getId(), trunk.getId());
        cti.add(did);
        CallerId approved = new CallerId(t, PhoneNumbers.normalise("number", "02-1234-5678"), "대표번호 (main line)", "manager");
        approved.decide(CallerIdAction.APPROVE, "sysadmin", null);
        callerIds.add(approved);
        callerIds.add(new CallerId(t, PhoneNumbers.normalise("number", "1588-1234"), "고객센터 (customer centre)", "manager"));
        transferNumbers.add(new TransferNumber(t, "결제팀 (Billing)", PhoneNumbers.normalise("number", "02-555-0199")));
        LOG.infof("Seeded the demo service '%s'", DEMO_TENANT);
    }

    private User user(String username, String name, Role role, Long tenant, boolean phone) {
        User u = new User(username, name, PasswordHasher.hash(DEMO_PASSWORD), role, tenant);
        u.changePassword(u.getPasswordHash(), true);
        u.setPhonePermission(phone);
        return users.add(u);
    }

    private void lockDemoAccounts() {
        for (User u : users.withDemoPassword()) {
            u.setActive(false);
            LOG.warnf("Demo mode is off: deactivated '%s', which still had the published demo password", u.getUsername());
        }
    }

    private void bootstrapAdmin() {
        long admins = users.countWithRole(Role.SYSTEM_ADMIN);
        var password = AccountPolicy.bootstrapAdminPassword(SangdamConfig.demoMode(), admins, SangdamConfig.adminPassword());
        if (password.isEmpty()) {
            if (admins == 0 && !SangdamConfig.demoMode()) {
                LOG.warnf("No active system administrator. Set SANGDAM_ADMIN_PASSWORD (at least %d characters) and restart "
                        + "to create 'admin', or run with SANGDAM_DEMO=true for the demo.", AccountPolicy.MIN_ADMIN_PASSWORD);
            }
            return;
        }
        if (users.findByUsername("admin").isPresent()) {
            LOG.warn("A user 'admin' exists but is not an active system administrator; not touching it");
            return;
        }
        users.add(new User("admin", "System administrator", PasswordHasher.hash(password.get()), Role.SYSTEM_ADMIN, null));
        LOG.info("Created the system administrator 'admin' from SANGDAM_ADMIN_PASSWORD");
    }

    private static String banner() {
        return """

                ==================== Sangdam demo ====================
                 Console : http://127.0.0.1:8080/sangdam/
                 API     : http://127.0.0.1:8080/sangdam/api/health
                 Logins (password %s):
                   sysadmin  system administrator (전체 관리)
                   manager   service administrator of "%s"
                   agent1-3  agents, CTI numbers 1001-1003
                 Agent phones register as 1001-1003@127.0.0.1:5060,
                   SIP password %s
                 Demo DID %s rings "%s"
                ======================================================""".formatted(
                DEMO_PASSWORD, DEMO_TENANT, DEMO_SIP_PASSWORD, DEMO_DID, DEMO_TENANT);
    }
}
