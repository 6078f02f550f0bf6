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
import org.sangdam.scenario.ScenarioJson;
import org.sangdam.cti.domain.InitialStatus;
import org.sangdam.cti.domain.NetworkAddresses;
import org.sangdam.phone.domain.PhoneNumbers;
import org.sangdam.prompt.PromptRepository;
import org.sangdam.prompt.domain.PromptRules;
import org.sangdam.tenant.TenantRepository;

import java.util.List;
import java.util.Locale;
import java.util.Set;

@Stateless
@Local(CtiSettingsService.class)
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class CtiSettingsServiceBean implements CtiSettingsService {
    private static final Set<String> TRANSPORTS = Set.of("UDP", "TCP", "TLS");
    private static final int MIN_RECALL = 5;
    private static final int MAX_RECALL = 300;

    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    AuditTrail audit;
    @Inject
    CtiRepository cti;
    @Inject
    TenantRepository tenants;
    @Inject
    PromptRepository prompts;

    @Override
    public List<TrunkInfo> trunks() {
        systemAdmin("see SIP trunks");
        return cti.trunks().stream().map(TrunkInfo::of).toList();
    }

    @Override
    public TrunkInfo createTrunk(TrunkSpec spec) {
        Caller caller = systemAdmin("add SIP trunks");
        Require.present("body", spec);
        SipTrunk trunk = new SipTrunk(uniqueTrunkName(spec.name(), null));
        configure(trunk, spec);
        TrunkInfo added = TrunkInfo.of(cti.add(trunk));
        audit.record(caller, null, "trunk.added", trunk.getName(), describe(trunk));
        return added;
    }

    @Override
    public TrunkInfo updateTrunk(long id, TrunkSpec spec) {
        Caller caller = systemAdmin("change SIP trunks");
        SipTrunk trunk = cti.trunk(id).orElseThrow(() -> new NotFoundException("trunk", id));
        Require.present("body", spec);
        String name = uniqueTrunkName(spec.name(), id);
        configure(trunk, spec);
        trunk.setName(name);
        audit.record(caller, null, "trunk.changed", name, describe(trunk));
        return TrunkInfo.of(trunk);
    }

    @Override
    public void deleteTrunk(long id) {
        Caller caller = systemAdmin("remove SIP trunks");
        SipTrunk trunk = cti.trunk(id).orElseThrow(() -> new NotFoundException("trunk", id));
        if (cti.countInboundNumbersOfTrunk(id) > 0) {
            throw new ConflictException("id", "inbound numbers still use trunk '" + trunk.getName() + "'");
        }
        cti.remove(trunk);
        audit.record(caller, null, "trunk.removed", trunk.getName(), describe(trunk));
    }

    @Override
    public List<InboundNumberInfo> inboundNumbers() {
        systemAdmin("see every inbound number");
        return cti.inboundNumbers().stream().map(InboundNumberInfo::of).toList();
    }

    @Override
    public List<InboundNumberInfo> inboundNumbersOf(long tenantId) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        return cti.inboundNumbersOf(tenantId).stream().map(InboundNumberInfo::of).toList();
    }

    @Override
    public InboundNumberInfo createInboundNumber(InboundNumberSpec spec) {
        Caller caller = systemAdmin("add inbound numbers");
        Require.present("body", spec);
        String number = PhoneNumbers.normalise("number", spec.number());
        cti.inboundNumberByNumber(number).ifPresent(n -> {
            throw new ConflictException("number", "inbound number " + PhoneNumbers.display(number) + " is already routed");
        });
        InboundNumber did = new InboundNumber(number);
        route(did, spec);
        InboundNumberInfo added = InboundNumberInfo.of(cti.add(did));
        audit.record(caller, did.getTenantId(), "did.added", PhoneNumbers.display(number), routing(did));
        return added;
    }

    @Override
    public InboundNumberInfo updateInboundNumber(long id, InboundNumberSpec spec) {
        Caller caller = systemAdmin("change inbound numbers");
        InboundNumber did = cti.inboundNumber(id).orElseThrow(() -> new NotFoundException("inbound number", id));
        Require.present("body", spec);
        if (spec.number() != null && !PhoneNumbers.normalise("number", spec.number()).equals(did.getNumber())) {
            throw new ValidationException("number", "an inbound number cannot be renumbered; add the new number instead");
        }
        route(did, spec);
        audit.record(caller, did.getTenantId(), "did.changed", PhoneNumbers.display(did.getNumber()), routing(did));
        return InboundNumberInfo.of(did);
    }

    @Override
    public void deleteInboundNumber(long id) {
        Caller caller = systemAdmin("remove inbound numbers");
        InboundNumber did = cti.inboundNumber(id).orElseThrow(() -> new NotFoundException("inbound number", id));
        cti.remove(did);
        audit.record(caller, did.getTenantId(), "did.removed", PhoneNumbers.display(did.getNumber()), routing(did));
    }

    @Override
    public CtiSettingsInfo settings(long tenantId) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        return CtiSettingsInfo.of(settingsOf(tenantId));
    }

    @Override
    public CtiSettingsInfo updateSettings(long tenantId, CtiSettingsInfo in) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        Caller caller = systemAdmin("change CTI settings");
        CtiSettings settings = settingsOf(tenantId);
        Require.present("body", in);
        int recall = Require.range("recallSeconds", in.recallSeconds(), MIN_RECALL, MAX_RECALL);
        InitialStatus status = in.initialStatus() == null ? InitialStatus.WORK : in.initialStatus();
        int retention = in.recordingRetentionDays() == null ? settings.getRecordingRetentionDays()
                : Require.range("recordingRetentionDays", in.recordingRetentionDays(),
                org.sangdam.call.domain.RecordingRules.MIN_RETENTION_DAYS, org.sangdam.call.domain.RecordingRules.MAX_RETENTION_DAYS);
        settings.update(recall, status,
                promptOf(tenantId, "mohPrompt", in.mohPrompt()),
                promptOf(tenantId, "announcementPrompt", in.announcementPrompt()),
                Require.optionalText("abusiveText", in.abusiveText(), 1000));
        settings.recording(in.recordingEnabled() == null ? settings.isRecordingEnabled() : in.recordingEnabled(), retention);
        audit.record(caller, tenantId, "ctiSettings.changed", tenants.find(tenantId).map(t -> t.getName()).orElse("service " + tenantId),
                "recallSeconds=" + recall + ", initialStatus=" + status + ", abusiveText=" + settings.getAbusiveText()
                        + ", recording=" + settings.isRecordingEnabled() + ", retentionDays=" + retention);
        return CtiSettingsInfo.of(settings);
    }

    @Override
    public List<ScenarioInfo> scenarios(long tenantId) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        return cti.scenariosOf(tenantId).stream().map(ScenarioInfo::of).toList();
    }

    @Override
    public ScenarioInfo createScenario(long tenantId, ScenarioInfo in) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        Caller caller = systemAdmin("add scenarios");
        tenants.find(tenantId).orElseThrow(() -> new NotFoundException("service", tenantId));
        Require.present("body", in);
        String name = Require.text("name", in.name(), 64);
        String definition = definitionOf(in);
        if (cti.scenariosOf(tenantId).stream().anyMatch(s -> s.getName().equals(name))) {
            throw new ConflictException("name", "the service already has a scenario named '" + name + "'");
        }
        ScenarioInfo added = ScenarioInfo.of(cti.add(new Scenario(tenantId, name, definition)));
        audit.record(caller, tenantId, "scenario.added", name, null);
        return added;
    }

    @Override
    public ScenarioInfo updateScenario(long tenantId, long scenarioId, ScenarioInfo in) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        Caller caller = systemAdmin("change scenarios");
        Scenario scenario = cti.scenario(scenarioId).filter(s -> s.getTenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("scenario", scenarioId));
        Require.present("body", in);
        scenario.setDefinition(definitionOf(in));
        audit.record(caller, tenantId, "scenario.changed", scenario.getName(), scenario.getDefinition());
        return ScenarioInfo.of(scenario);
    }

    /** Validated by the scenario domain (R2.6) and stored in its canonical form. */
    private static String definitionOf(ScenarioInfo in) {
        String text = Require.text("definition", in.definition(), 8000);
        String canonical = ScenarioJson.write(ScenarioJson.parse(text));
        if (canonical.length() > 8000) {
            throw new ValidationException("definition", "definition must be at most 8000 characters");
        }
        return canonical;
    }

    private Caller systemAdmin(String action) {
        Caller caller = callers.of(context);
        caller.requireSystemAdmin(action);
        return caller;
    }

    private static String describe(SipTrunk t) {
        // never the password: the audit trail is read by people who must not learn it
        return t.getTransport() + " " + t.getHost() + ":" + t.getPort() + ", sources " + t.getAllowedSources()
                + (t.getAuthUsername() == null ? "" : ", digest user " + t.getAuthUsername());
    }

    private static String routing(InboundNumber did) {
        return "service " + did.getTenantId() + ", scenario " + did.getScenarioId() + (did.getTrunkId() == null ? "" : ", trunk " + did.getTrunkId());
    }

    /** a built-in prompt or one the service uploaded (R1.3), or none */
    private String promptOf(long tenantId, String field, String raw) {
        String name = Require.optionalText(field, raw, 64);
        if (name != null && !PromptRules.BUILT_IN.contains(name) && !prompts.exists(tenantId, name)) {
            throw new ValidationException(field, "'" + name + "' is neither an uploaded prompt of the service nor a built-in one ("
                    + String.join(", ", PromptRules.BUILT_IN.stream().sorted().toList()) + ")");
        }
        return name;
    }

    private CtiSettings settingsOf(long tenantId) {
        tenants.find(tenantId).orElseThrow(() -> new NotFoundException("service", tenantId));
        return cti.settings(tenantId).orElseGet(() -> cti.add(new CtiSettings(tenantId)));
    }

    private String uniqueTrunkName(String raw, Long self) {
        String name = Require.text("name", raw, 64);
        cti.trunkByName(name).filter(t -> !t.getId().equals(self)).ifPresent(t -> {
            throw new ConflictException("name", "a trunk named '" + name + "' already exists");
        });
        return name;
    }

    private void configure(SipTrunk trunk, TrunkSpec spec) {
        String host = NetworkAddresses.host("host", spec.host());
        int port = spec.port() == null ? 5060 : Require.range("port", spec.port(), 1, 65535);
        String transport = spec.transport() == null ? "UDP" : spec.transport().strip().toUpperCase(Locale.ROOT);
        if (!TRANSPORTS.contains(transport)) {
            throw new ValidationException("transport", "transport must be one of UDP, TCP, TLS");
        }
        String user = Require.optionalText("authUsername", spec.authUsername(), 64);
        String password = Require.optionalText("authPassword", spec.authPassword(), 128);
        if (user != null && password == null && user.equals(trunk.getAuthUsername())) {
            password = trunk.getAuthPassword(); // write-only: a change that does not retype the password keeps it
        }
        if ((user == null) != (password == null)) {
            throw new ValidationException(user == null ? "authUsername" : "authPassword", "digest credentials need both a username and a password");
        }
        // a trunk with credentials may be known by them alone (a carrier sending from changing addresses)
        boolean noSources = spec.allowedSources() == null || spec.allowedSources().stream().allMatch(a -> a == null || a.isBlank());
        List<String> sources = user != null && noSources ? List.of() : NetworkAddresses.sources("allowedSources", spec.allowedSources());
        trunk.configure(host, port, transport, String.join(",", sources), user, password);
    }

    private void route(InboundNumber did, InboundNumberSpec spec) {
        long tenantId = Require.present("serviceId", spec.serviceId());
        tenants.find(tenantId).orElseThrow(() -> new ValidationException("serviceId", "no service " + tenantId));
        long scenarioId = Require.present("scenarioId", spec.scenarioId());
        cti.scenario(scenarioId).filter(s -> s.getTenantId() == tenantId)
                .orElseThrow(() -> new ValidationException("scenarioId", "service " + tenantId + " has no scenario " + scenarioId));
        if (spec.trunkId() != null) {
            cti.trunk(spec.trunkId()).orElseThrow(() -> new ValidationException("trunkId", "no trunk " + spec.trunkId()));
        }
        did.route(tenantId, scenarioId, spec.trunkId());
    }
}
