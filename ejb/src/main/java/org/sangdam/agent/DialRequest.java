package org.sangdam.agent;

/** Dial (R2.7): the customer's number and the id of one of the service's approved caller IDs. */
public record DialRequest(String number, Long callerId) {
}
