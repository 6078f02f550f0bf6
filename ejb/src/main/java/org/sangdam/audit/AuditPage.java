package org.sangdam.audit;

import java.util.List;

/** One page of the audit trail, newest first: {@code total} rows in all. */
public record AuditPage(int page, int size, long total, List<AuditInfo> items) {
}
