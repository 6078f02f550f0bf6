package org.sangdam.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the admin pages write a moment: local date and time to the second. */
@Named("adminFormat")
@ApplicationScoped
public class AdminFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
