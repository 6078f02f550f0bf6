package org.sangdam.cti;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.file.UploadedFile;
import org.sangdam.admin.FormErrors;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.cti.domain.InitialStatus;
import org.sangdam.prompt.PromptInfo;
import org.sangdam.prompt.PromptService;
import org.sangdam.prompt.StoredPrompt;
import org.sangdam.prompt.domain.PromptRules;
import org.sangdam.tenant.TenantInfo;
import org.sangdam.tenant.TenantService;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 전체 관리 → CTI 관리 → CTI 설정 (R1.3): the installation's SIP trunks and inbound
 * numbers (DID → service and scenario), and per service its recall time, status
 * after CTI login, abusive-call announcement text, its uploaded prompts (music on hold,
 * announcements) and which of them play. The CTI settings service
 * checks every value and who may change it.
 */
@Named("ctiSettingsAdmin")
@ViewScoped
public class CtiSettingsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    CtiSettingsService cti;
    @EJB
    TenantService tenants;
    @EJB
    PromptService promptService;

    private final FormErrors trunkErrors = new FormErrors();
    private final FormErrors didErrors = new FormErrors();
    private final FormErrors settingsErrors = new FormErrors();
    private final FormErrors promptErrors = new FormErrors();

    private List<TrunkInfo> trunks = List.of();
    private List<InboundNumberInfo> dids = List.of();
    private List<TenantInfo> services = List.of();
    private Map<Long, String> serviceNames = Map.of();
    private Map<Long, String> scenarioNames = Map.of();

    private String trunkName;
    private String trunkHost;
    private Integer trunkPort = 5060;
    private String trunkTransport = "UDP";
    private String trunkSources;
    private String trunkAuthUsername;
    private String trunkAuthPassword;

    private String didNumber;
    private Long didService;
    private Long didScenario;
    private Long didTrunk;

    private Long settingsService;
    private Integer recallSeconds;
    private InitialStatus initialStatus;
    private String abusiveText;
    private boolean recordingEnabled;
    private Integer recordingRetentionDays;
    private String mohPrompt;
    private String announcementPrompt;
    private CtiSettingsInfo shown;

    private List<PromptInfo> prompts = List.of();
    private String promptName;
    private StoredPrompt.Kind promptKind = StoredPrompt.Kind.MUSIC;
    private transient UploadedFile promptFile;

    @PostConstruct
    void load() {
        trunks = cti.trunks();
        dids = cti.inboundNumbers();
        services = tenants.list();
        serviceNames = services.stream().collect(Collectors.toMap(TenantInfo::id, TenantInfo::name));
        scenarioNames = dids.stream().map(InboundNumberInfo::serviceId).distinct().flatMap(s -> cti.scenarios(s).stream())
                .collect(Collectors.toMap(ScenarioInfo::id, ScenarioInfo::name));
        if (settingsService == null && !services.isEmpty()) {
            settingsService = services.get(0).id();
            showSettings();
        }
    }

    public void addTrunk() {
        trunkErrors.clear();
        try {
            List<String> sources = trunkSources == null || trunkSources.isBlank() ? List.of()
                    : Arrays.stream(trunkSources.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            cti.createTrunk(new TrunkSpec(trunkName, trunkHost, trunkPort, trunkTransport, sources, blankToNull(trunkAuthUsername),
                    blankToNull(trunkAuthPassword)));
            trunkName = null;
            trunkHost = null;
            trunkSources = null;
            trunkAuthUsername = null;
            FormErrors.info("admin.saved");
        } catch (SangdamException refused) {
            trunkErrors.refused(refused);
        } finally {
            trunkAuthPassword = null; // not kept in the view's state beyond this request
        }
        load();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    public void removeTrunk(long id) {
        trunkErrors.clear();
        try {
            cti.deleteTrunk(id);
            FormErrors.info("admin.removed");
        } catch (SangdamException refused) {
            trunkErrors.refused(refused);
        }
        load();
    }

    public void addDid() {
        didErrors.clear();
        try {
            cti.createInboundNumber(new InboundNumberSpec(didNumber, didService, didScenario, didTrunk));
            didNumber = null;
            FormErrors.info("admin.saved");
        } catch (SangdamException refused) {
            didErrors.refused(refused);
        }
        load();
    }

    public void removeDid(long id) {
        didErrors.clear();
        try {
            cti.deleteInboundNumber(id);
            FormErrors.info("admin.removed");
        } catch (SangdamException refused) {
            didErrors.refused(refused);
        }
        load();
    }

    /** the scenarios of the service chosen for a new DID */
    public List<ScenarioInfo> getDidScenarios() {
        return didService == null ? List.of() : cti.scenarios(didService);
    }

    public void didServiceChanged() {
        List<ScenarioInfo> scenarios = getDidScenarios();
        didScenario = scenarios.isEmpty() ? null : scenarios.get(0).id();
    }

    public void showSettings() {
        settingsErrors.clear();
        if (settingsService == null) {
            shown = null;
            return;
        }
        shown = cti.settings(settingsService);
        recallSeconds = shown.recallSeconds();
        initialStatus = shown.initialStatus();
        abusiveText = shown.abusiveText();
        recordingEnabled = !Boolean.FALSE.equals(shown.recordingEnabled());
        recordingRetentionDays = shown.recordingRetentionDays();
        mohPrompt = shown.mohPrompt();
        announcementPrompt = shown.announcementPrompt();
        promptErrors.clear();
        prompts = promptService.list(settingsService);
    }

    /** Uploads the chosen WAV as the service's prompt; a refused file says why beside the file input. */
    public void uploadPrompt() {
        promptErrors.clear();
        try {
            byte[] wav = promptFile == null || promptFile.getSize() == 0 ? null : promptFile.getContent();
            promptService.upload(settingsService, promptName, promptKind == null ? null : promptKind.name(), wav);
            promptName = null;
            FormErrors.info("admin.saved");
        } catch (SangdamException refused) {
            String text = promptErrors.refused(refused, "");
            if (refused instanceof ValidationException v && "file".equals(v.field())) {
                promptErrors.getByField().put("file", FormErrors.text("admin.prompt.badFile") + " " + text);
            } else if (refused instanceof ValidationException v && "name".equals(v.field())) {
                promptErrors.getByField().put("name", FormErrors.text("admin.prompt.badName"));
            }
        }
        promptFile = null;
        prompts = promptService.list(settingsService);
    }

    public void deletePrompt(String name) {
        promptErrors.clear();
        try {
            promptService.delete(settingsService, name);
            FormErrors.info("admin.removed");
        } catch (SangdamException refused) {
            promptErrors.refusedOnPage(refused, "");
        }
        prompts = promptService.list(settingsService);
    }

    /** what music on hold and the announcement may name: the built-in prompts and the service's uploads */
    public List<String> getPromptChoices() {
        List<String> names = new ArrayList<>(PromptRules.BUILT_IN.stream().sorted().toList());
        prompts.forEach(p -> names.add(p.name()));
        return names;
    }

    /** where the browser's audio player fetches a prompt (the REST API, with the console's session) */
    public String listenPath(String name) {
        return "/api/services/" + settingsService + "/cti/prompts/" + name + ".wav";
    }

    public String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }

    public void saveSettings() {
        settingsErrors.clear();
        try {
            shown = cti.updateSettings(settingsService, new CtiSettingsInfo(settingsService, recallSeconds == null ? 0 : recallSeconds,
                    initialStatus, mohPrompt, announcementPrompt, abusiveText, recordingEnabled,
                    recordingRetentionDays == null ? 0 : recordingRetentionDays));
            FormErrors.info("admin.saved");
        } catch (SangdamException refused) {
            settingsErrors.refused(refused);
        }
    }

    public String serviceName(long id) {
        return serviceNames.getOrDefault(id, "#" + id);
    }

    public String trunkName(Long id) {
        if (id == null) {
            return "";
        }
        return trunks.stream().filter(t -> t.id() == id).map(TrunkInfo::name).findFirst().orElse("#" + id);
    }

    public String scenarioName(long scenarioId) {
        return scenarioNames.getOrDefault(scenarioId, "#" + scenarioId);
    }

    public InitialStatus[] getInitialStatuses() {
        return InitialStatus.values();
    }

    public List<TrunkInfo> getTrunks() { return trunks; }
    public List<InboundNumberInfo> getDids() { return dids; }
    public List<TenantInfo> getServices() { return services; }
    public Map<String, String> getTrunkErrors() { return trunkErrors.getByField(); }
    public Map<String, String> getDidErrors() { return didErrors.getByField(); }
    public Map<String, String> getSettingsErrors() { return settingsErrors.getByField(); }
    public String getTrunkName() { return trunkName; }
    public void setTrunkName(String v) { trunkName = v; }
    public String getTrunkHost() { return trunkHost; }
    public void setTrunkHost(String v) { trunkHost = v; }
    public Integer getTrunkPort() { return trunkPort; }
    public void setTrunkPort(Integer v) { trunkPort = v; }
    public String getTrunkTransport() { return trunkTransport; }
    public void setTrunkTransport(String v) { trunkTransport = v; }
    public String getTrunkSources() { return trunkSources; }
    public String getTrunkAuthUsername() { return trunkAuthUsername; }
    public void setTrunkAuthUsername(String v) { trunkAuthUsername = v; }
    /** write-only: the page never shows it back, even after a refusal */
    public String getTrunkAuthPassword() { return null; }
    public void setTrunkAuthPassword(String v) { trunkAuthPassword = v; }
    public void setTrunkSources(String v) { trunkSources = v; }
    public String getDidNumber() { return didNumber; }
    public void setDidNumber(String v) { didNumber = v; }
    public Long getDidService() { return didService; }
    public void setDidService(Long v) { didService = v; }
    public Long getDidScenario() { return didScenario; }
    public void setDidScenario(Long v) { didScenario = v; }
    public Long getDidTrunk() { return didTrunk; }
    public void setDidTrunk(Long v) { didTrunk = v; }
    public Long getSettingsService() { return settingsService; }
    public void setSettingsService(Long v) { settingsService = v; }
    public Integer getRecallSeconds() { return recallSeconds; }
    public void setRecallSeconds(Integer v) { recallSeconds = v; }
    public InitialStatus getInitialStatus() { return initialStatus; }
    public void setInitialStatus(InitialStatus v) { initialStatus = v; }
    public Map<String, String> getPromptErrors() { return promptErrors.getByField(); }
    public List<PromptInfo> getPrompts() { return prompts; }
    public StoredPrompt.Kind[] getPromptKinds() { return StoredPrompt.Kind.values(); }
    public String getPromptName() { return promptName; }
    public void setPromptName(String v) { promptName = v; }
    public StoredPrompt.Kind getPromptKind() { return promptKind; }
    public void setPromptKind(StoredPrompt.Kind v) { promptKind = v; }
    public UploadedFile getPromptFile() { return promptFile; }
    public void setPromptFile(UploadedFile v) { promptFile = v; }
    public String getMohPrompt() { return mohPrompt; }
    public void setMohPrompt(String v) { mohPrompt = v; }
    public String getAnnouncementPrompt() { return announcementPrompt; }
    public void setAnnouncementPrompt(String v) { announcementPrompt = v; }
    public boolean isRecordingEnabled() { return recordingEnabled; }
    public void setRecordingEnabled(boolean v) { recordingEnabled = v; }
    public Integer getRecordingRetentionDays() { return recordingRetentionDays; }
    public void setRecordingRetentionDays(Integer v) { recordingRetentionDays = v; }
    public String getAbusiveText() { return abusiveText; }
    public void setAbusiveText(String v) { abusiveText = v; }
}
