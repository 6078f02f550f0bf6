package org.sangdam.scenario.domain;

import org.sangdam.common.domain.ValidationException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * When the service answers calls: one opening span per weekday in the service's time
 * zone (a day not listed is closed), minus holidays. A span may end at 24:00 (written
 * {@code 00:00} as the end); spans across midnight are written as two days.
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, Span> week, Set<LocalDate> holidays, String closedPrompt) {

    /** Open from {@code start} (inclusive) to {@code end} (exclusive); {@code end} 00:00 means midnight. */
    public record Span(LocalTime start, LocalTime end) {
        public Span {
            if (start == null || end == null) {
                throw new ValidationException("hours.open", "hours.open needs a start and an end");
            }
            if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
                throw new ValidationException("hours.open", "hours.open: " + start + "-" + end + " ends before it starts");
            }
        }

        boolean contains(LocalTime t) {
            return !t.isBefore(start) && (end.equals(LocalTime.MIDNIGHT) || t.isBefore(end));
        }

        /** "09:00-18:00" */
        public static Span parse(String field, String text) {
            String[] parts = text == null ? new String[0] : text.strip().split("-");
            if (parts.length != 2) {
                throw new ValidationException(field, field + " must look like 09:00-18:00");
            }
            LocalTime start;
            LocalTime end;
            try {
                start = LocalTime.parse(parts[0].strip());
                end = LocalTime.parse(parts[1].strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new ValidationException(field, field + " must look like 09:00-18:00");
            }
            if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
                // named by its day, so a form shows it beside that day
                throw new ValidationException(field, field + ": " + start + "-" + end + " ends before it starts");
            }
            return new Span(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public BusinessHours {
        if (zone == null) {
            throw new ValidationException("hours.zone", "hours.zone is required (e.g. Asia/Seoul)");
        }
        if (week == null || week.isEmpty()) {
            throw new ValidationException("hours.open", "hours.open needs at least one day (a scenario open all the time has no hours)");
        }
        week = Map.copyOf(new EnumMap<>(week));
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        closedPrompt = Names.prompt("hours.closedPrompt", closedPrompt);
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        Span span = week.get(local.getDayOfWeek());
        return span != null && span.contains(local.toLocalTime());
    }
}
