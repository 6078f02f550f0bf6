/** Which Ready agent gets which queued call, and the recall of unanswered offers (R1.1, R2.4, R2.6). Pure Java: no Jakarta import. */
package org.sangdam.routing.domain;
