package org.sangdam.scenario;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.scenario.domain.BusinessHours;
import org.sangdam.scenario.domain.Menu;
import org.sangdam.scenario.domain.NoAgentRule;
import org.sangdam.scenario.domain.ScenarioDefinition;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's stored JSON and the domain's {@link ScenarioDefinition}, both ways. Unknown
 * fields are refused (a typo must not silently drop a menu); errors name the field.
 * <pre>
 * {"greeting": "welcome",
 *  "menu": {"prompt": "menu", "choices": {"1": "sales", "2": "support"}, "timeoutSeconds": 5, "attempts": 2, "fallbackQueue": "support"},
 *  "hours": {"zone": "Asia/Seoul", "open": {"MON": "09:00-18:00", "SAT": "10:00-13:00"}, "holidays": ["2026-12-25"], "closedPrompt": "closed"},
 *  "queue": {"name": "support", "music": "default-moh"},
 *  "noAgent": {"afterSeconds": 120, "action": "PLAY_PROMPT", "prompt": "please-wait"}}
 * </pre>
 */
public final class ScenarioJson {
    /** looked up once: {@code Json.createReader} and friends search the module path for a provider on every call (issue 5: once per arriving call) */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ScenarioJson() {
    }

    public static ScenarioDefinition parse(String json) {
        JsonObject o;
        try {
            JsonValue v = JSON.createReader(new StringReader(json == null ? "" : json)).readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ValidationException("definition", "definition must be a JSON object");
            }
            o = v.asJsonObject();
        } catch (JsonParsingException e) {
            throw new ValidationException("definition", "definition is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new ValidationException("definition", "definition is not valid JSON");
        }
        known(o, "", "greeting", "menu", "hours", "queue", "noAgent");
        JsonObject queue = object(o, "queue", "queue");
        if (queue != null) {
            known(queue, "queue.", "name", "music");
        }
        return new ScenarioDefinition(
                string(o, "greeting", "greeting"),
                menu(object(o, "menu", "menu")),
                hours(object(o, "hours", "hours")),
                queue == null ? null : string(queue, "name", "queue.name"),
                queue == null ? null : string(queue, "music", "queue.music"),
                noAgent(object(o, "noAgent", "noAgent")));
    }

    public static String write(ScenarioDefinition s) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        if (s.greeting() != null) {
            b.add("greeting", s.greeting());
        }
        if (s.menu() != null) {
            Menu m = s.menu();
            JsonObjectBuilder choices = JSON.createObjectBuilder();
            m.choices().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> choices.add(String.valueOf(e.getKey()), e.getValue()));
            b.add("menu", JSON.createObjectBuilder().add("prompt", m.prompt()).add("choices", choices)
                    .add("timeoutSeconds", m.timeoutSeconds()).add("attempts", m.attempts()).add("fallbackQueue", m.fallbackQueue()));
        }
        if (s.hours() != null) {
            BusinessHours h = s.hours();
            JsonObjectBuilder open = JSON.createObjectBuilder();
            new EnumMap<>(h.week()).forEach((day, span) -> open.add(day.name().substring(0, 3), span.toString()));
            var holidays = JSON.createArrayBuilder();
            h.holidays().stream().sorted().forEach(d -> holidays.add(d.toString()));
            b.add("hours", JSON.createObjectBuilder().add("zone", h.zone().getId()).add("open", open)
                    .add("holidays", holidays).add("closedPrompt", h.closedPrompt()));
        }
        JsonObjectBuilder queue = JSON.createObjectBuilder().add("music", s.queueMusic());
        if (s.queue() != null) {
            queue.add("name", s.queue());
        }
        b.add("queue", queue);
        NoAgentRule n = s.noAgent();
        if (n.action() != NoAgentRule.Action.KEEP_WAITING) {
            b.add("noAgent", JSON.createObjectBuilder().add("afterSeconds", n.afterSeconds()).add("action", n.action().name())
                    .add("prompt", n.prompt()));
        }
        return b.build().toString();
    }

    private static Menu menu(JsonObject m) {
        if (m == null) {
            return null;
        }
        known(m, "menu.", "prompt", "choices", "timeoutSeconds", "attempts", "fallbackQueue");
        JsonObject c = object(m, "choices", "menu.choices");
        Map<Character, String> choices = new LinkedHashMap<>();
        if (c != null) {
            for (String key : c.keySet()) {
                if (key.length() != 1) {
                    throw new ValidationException("menu.choices", "menu.choices: '" + key + "' is not one phone key");
                }
                choices.put(key.charAt(0), string(c, key, "menu.choices." + key));
            }
        }
        return new Menu(string(m, "prompt", "menu.prompt"), choices,
                integer(m, "timeoutSeconds", "menu.timeoutSeconds", 5), integer(m, "attempts", "menu.attempts", 2),
                string(m, "fallbackQueue", "menu.fallbackQueue"));
    }

    private static BusinessHours hours(JsonObject h) {
        if (h == null) {
            return null;
        }
        known(h, "hours.", "zone", "open", "holidays", "closedPrompt");
        ZoneId zone;
        String zoneName = string(h, "zone", "hours.zone");
        try {
            zone = zoneName == null ? null : ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new ValidationException("hours.zone", "hours.zone '" + zoneName + "' is not a time zone (e.g. Asia/Seoul)");
        }
        Map<DayOfWeek, BusinessHours.Span> week = new EnumMap<>(DayOfWeek.class);
        JsonObject open = object(h, "open", "hours.open");
        if (open != null) {
            for (String key : open.keySet()) {
                DayOfWeek day = day(key);
                week.put(day, BusinessHours.Span.parse("hours.open." + key, string(open, key, "hours.open." + key)));
            }
        }
        Set<LocalDate> holidays = new LinkedHashSet<>();
        JsonValue hv = h.get("holidays");
        if (hv != null && hv != JsonValue.NULL) {
            if (hv.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new ValidationException("hours.holidays", "hours.holidays must be a list of dates like 2026-12-25");
            }
            for (JsonValue d : (JsonArray) hv) {
                try {
                    holidays.add(LocalDate.parse(((JsonString) d).getString()));
                } catch (ClassCastException | DateTimeParseException e) {
                    throw new ValidationException("hours.holidays", "hours.holidays must be a list of dates like 2026-12-25");
                }
            }
        }
        return new BusinessHours(zone, week, holidays, string(h, "closedPrompt", "hours.closedPrompt"));
    }

    private static DayOfWeek day(String key) {
        String k = key.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(k) || d.name().substring(0, 3).equals(k)) {
                return d;
            }
        }
        throw new ValidationException("hours.open", "hours.open: '" + key + "' is not a day (MON ... SUN)");
    }

    private static NoAgentRule noAgent(JsonObject n) {
        if (n == null) {
            return null;
        }
        known(n, "noAgent.", "afterSeconds", "action", "prompt");
        String action = string(n, "action", "noAgent.action");
        NoAgentRule.Action a;
        try {
            a = action == null ? null : NoAgentRule.Action.valueOf(action);
        } catch (IllegalArgumentException e) {
            a = null;
        }
        return new NoAgentRule(integer(n, "afterSeconds", "noAgent.afterSeconds", 120), a, string(n, "prompt", "noAgent.prompt"));
    }

    private static void known(JsonObject o, String prefix, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw new ValidationException(prefix + key, "'" + prefix + key + "' is not a scenario field (known: " + String.join(", ", fields) + ")");
            }
        }
    }

    private static JsonObject object(JsonObject o, String key, String field) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ValidationException(field, field + " must be an object");
        }
        return v.asJsonObject();
    }

    private static String string(JsonObject o, String key, String field) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new ValidationException(field, field + " must be a string");
        }
        return ((JsonString) v).getString();
    }

    private static int integer(JsonObject o, String key, String field, int absent) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return absent;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new ValidationException(field, field + " must be a whole number");
        }
        return ((JsonNumber) v).intValue();
    }
}
