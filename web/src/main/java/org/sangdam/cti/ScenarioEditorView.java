package org.sangdam.cti;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.sangdam.admin.FormErrors;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.scenario.ScenarioJson;
import org.sangdam.scenario.domain.BusinessHours;
import org.sangdam.scenario.domain.NoAgentRule;
import org.sangdam.scenario.domain.ScenarioDefinition;
import org.sangdam.scenario.domain.ScenarioPreview;
import org.sangdam.tenant.TenantInfo;
import org.sangdam.tenant.TenantService;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 전체 관리 → CTI 관리 → 시나리오 (R2.6): a service's scenarios as a form (greeting, menu keys to
 * queues, business hours, queue music, the no-agent rule) instead of raw JSON, with a preview of
 * the steps a caller goes through. The form is only written out as the scenario format; the
 * scenario domain checks it (via the CTI settings service) and its refusals name the field
 * ({@code menu.choices.1}, {@code hours.open.MON}, …) the page shows them beside.
 */
@Named("scenarioEditor")
@ViewScoped
public class ScenarioEditorView implements Serializable {
    private static final long serialVersionUID = 1L;
    /** the phone keys a menu may use, in keypad order */
    public static final List<String> KEYS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#");

    @EJB
    CtiSettingsService cti;
    @EJB
    TenantService tenants;

    private final FormErrors errors = new FormErrors();
    private List<TenantInfo> services = List.of();
    private List<ScenarioInfo> scenarios = List.of();
    private Long service;
    /** the scenario edited; null = a new one */
    private Long scenarioId;
    private String name;

    private String greeting;
    private boolean menuOn;
    private String menuPrompt;
    private Map<String, String> choices = blankChoices();
    private Integer timeoutSeconds = 5;
    private Integer attempts = 2;
    private String fallbackQueue;
    private boolean hoursOn;
    private String zone = "Asia/Seoul";
    private Map<String, String> open = blankWeek();
    private String holidays;
    private String closedPrompt;
    private String queue;
    private String queueMusic = ScenarioDefinition.DEFAULT_MUSIC;
    private NoAgentRule.Action noAgentAction = NoAgentRule.Action.KEEP_WAITING;
    private Integer noAgentAfter = 120;
    private String noAgentPrompt;
    private List<ScenarioPreview.Step> preview = List.of();

    @PostConstruct
    void load() {
        services = tenants.list();
        if (service == null && !services.isEmpty()) {
            service = services.get(0).id();
            serviceChanged();
        }
    }

    public void serviceChanged() {
        scenarios = service == null ? List.of() : cti.scenarios(service);
        scenarioId = null;
        clear();
    }

    /** shows the chosen scenario in the form, or an empty form for a new one */
    public void scenarioChanged() {
        clear();
        if (scenarioId == null) {
            return;
        }
        scenarios.stream().filter(s -> s.id() == scenarioId).findFirst().ifPresent(s -> {
            name = s.name();
            fill(ScenarioJson.parse(s.definition()));
        });
    }

    public void showPreview() {
        errors.clear();
        try {
            preview = ScenarioPreview.of(ScenarioJson.parse(json()));
        } catch (SangdamException refused) {
            preview = List.of();
            errors.refused(refused, "");
        }
    }

    public void save() {
        errors.clear();
        try {
            ScenarioInfo saved = scenarioId == null
                    ? cti.createScenario(service, new ScenarioInfo(0, service, name, json()))
                    : cti.updateScenario(service, scenarioId, new ScenarioInfo(scenarioId, service, name, json()));
            scenarios = cti.scenarios(service);
            scenarioId = saved.id();
            fill(ScenarioJson.parse(saved.definition()));
            FormErrors.info("admin.saved");
        } catch (SangdamException refused) {
            preview = List.of();
            errors.refused(refused, "");
        }
    }

    /** the form written in the scenario format (ScenarioJson); blank inputs are left out */
    String json() {
        JsonObjectBuilder o = Json.createObjectBuilder();
        put(o, "greeting", greeting);
        if (menuOn) {
            JsonObjectBuilder keys = Json.createObjectBuilder();
            choices.forEach((key, q) -> {
                if (q != null && !q.isBlank()) {
                    keys.add(key, q.strip());
                }
            });
            JsonObjectBuilder m = Json.createObjectBuilder().add("choices", keys);
            put(m, "prompt", menuPrompt);
            put(m, "fallbackQueue", fallbackQueue);
            if (timeoutSeconds != null) {
                m.add("timeoutSeconds", timeoutSeconds);
            }
            if (attempts != null) {
                m.add("attempts", attempts);
            }
            o.add("menu", m);
        }
        if (hoursOn) {
            JsonObjectBuilder week = Json.createObjectBuilder();
            open.forEach((day, span) -> {
                if (span != null && !span.isBlank()) {
                    week.add(day, span.strip());
                }
            });
            var days = Json.createArrayBuilder();
            if (holidays != null) {
                Arrays.stream(holidays.split("[,\\s]+")).filter(d -> !d.isBlank()).forEach(days::add);
            }
            JsonObjectBuilder h = Json.createObjectBuilder().add("open", week).add("holidays", days);
            put(h, "zone", zone);
            put(h, "closedPrompt", closedPrompt);
            o.add("hours", h);
        }
        JsonObjectBuilder q = Json.createObjectBuilder();
        put(q, "name", queue);
        put(q, "music", queueMusic);
        o.add("queue", q);
        if (noAgentAction != null && noAgentAction != NoAgentRule.Action.KEEP_WAITING) {
            JsonObjectBuilder n = Json.createObjectBuilder().add("action", noAgentAction.name());
            if (noAgentAfter != null) {
                n.add("afterSeconds", noAgentAfter);
            }
            put(n, "prompt", noAgentPrompt);
            o.add("noAgent", n);
        }
        return o.build().toString();
    }

    private void fill(ScenarioDefinition s) {
        greeting = s.greeting();
        menuOn = s.menu() != null;
        choices = blankChoices();
        if (menuOn) {
            menuPrompt = s.menu().prompt();
            s.menu().choices().forEach((k, q) -> choices.put(String.valueOf(k), q));
            timeoutSeconds = s.menu().timeoutSeconds();
            attempts = s.menu().attempts();
            fallbackQueue = s.menu().fallbackQueue();
        }
        hoursOn = s.hours() != null;
        open = blankWeek();
        if (hoursOn) {
            BusinessHours h = s.hours();
            zone = h.zone().getId();
            h.week().forEach((day, span) -> open.put(day.name().substring(0, 3), span.toString()));
            holidays = h.holidays().stream().sorted().map(Object::toString).collect(Collectors.joining(", "));
            closedPrompt = h.closedPrompt();
        }
        queue = s.queue();
        queueMusic = s.queueMusic();
        noAgentAction = s.noAgent().action();
        noAgentAfter = s.noAgent().afterSeconds();
        noAgentPrompt = s.noAgent().prompt();
        preview = ScenarioPreview.of(s);
    }

    private void clear() {
        errors.clear();
        name = null;
        greeting = null;
        menuOn = false;
        menuPrompt = null;
        choices = blankChoices();
        timeoutSeconds = 5;
        attempts = 2;
        fallbackQueue = null;
        hoursOn = false;
        zone = "Asia/Seoul";
        open = blankWeek();
        holidays = null;
        closedPrompt = null;
        queue = null;
        queueMusic = ScenarioDefinition.DEFAULT_MUSIC;
        noAgentAction = NoAgentRule.Action.KEEP_WAITING;
        noAgentAfter = 120;
        noAgentPrompt = null;
        preview = List.of();
    }

    private static void put(JsonObjectBuilder o, String key, String value) {
        if (value != null && !value.isBlank()) {
            o.add(key, value.strip());
        }
    }

    private static Map<String, String> blankChoices() {
        Map<String, String> m = new LinkedHashMap<>();
        KEYS.forEach(k -> m.put(k, null));
        return m;
    }

    private static Map<String, String> blankWeek() {
        Map<String, String> m = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            m.put(d.name().substring(0, 3), null);
        }
        return m;
    }

    public List<String> getKeys() { return KEYS; }
    public List<String> getDays() { return List.copyOf(open.keySet()); }
    public NoAgentRule.Action[] getNoAgentActions() { return NoAgentRule.Action.values(); }
    public Map<String, String> getErrors() { return errors.getByField(); }
    public List<ScenarioPreview.Step> getPreview() { return preview; }
    public List<TenantInfo> getServices() { return services; }
    public List<ScenarioInfo> getScenarios() { return scenarios; }
    public Long getService() { return service; }
    public void setService(Long v) { service = v; }
    public Long getScenarioId() { return scenarioId; }
    public void setScenarioId(Long v) { scenarioId = v; }
    public boolean isEditing() { return scenarioId != null; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getGreeting() { return greeting; }
    public void setGreeting(String v) { greeting = v; }
    public boolean isMenuOn() { return menuOn; }
    public void setMenuOn(boolean v) { menuOn = v; }
    public String getMenuPrompt() { return menuPrompt; }
    public void setMenuPrompt(String v) { menuPrompt = v; }
    public Map<String, String> getChoices() { return choices; }
    public Integer getTimeoutSeconds() { return timeoutSeconds; }
    public void setTimeoutSeconds(Integer v) { timeoutSeconds = v; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer v) { attempts = v; }
    public String getFallbackQueue() { return fallbackQueue; }
    public void setFallbackQueue(String v) { fallbackQueue = v; }
    public boolean isHoursOn() { return hoursOn; }
    public void setHoursOn(boolean v) { hoursOn = v; }
    public String getZone() { return zone; }
    public void setZone(String v) { zone = v; }
    public Map<String, String> getOpen() { return open; }
    public String getHolidays() { return holidays; }
    public void setHolidays(String v) { holidays = v; }
    public String getClosedPrompt() { return closedPrompt; }
    public void setClosedPrompt(String v) { closedPrompt = v; }
    public String getQueue() { return queue; }
    public void setQueue(String v) { queue = v; }
    public String getQueueMusic() { return queueMusic; }
    public void setQueueMusic(String v) { queueMusic = v; }
    public NoAgentRule.Action getNoAgentAction() { return noAgentAction; }
    public void setNoAgentAction(NoAgentRule.Action v) { noAgentAction = v; }
    public Integer getNoAgentAfter() { return noAgentAfter; }
    public void setNoAgentAfter(Integer v) { noAgentAfter = v; }
    public String getNoAgentPrompt() { return noAgentPrompt; }
    public void setNoAgentPrompt(String v) { noAgentPrompt = v; }
}
