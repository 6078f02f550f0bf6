package org.sangdam.callerid;

/** A number to register (with a note or evidence for the reviewer), or a decision's reason. */
public record CallerIdRequest(String number, String note, String reason) {
}
