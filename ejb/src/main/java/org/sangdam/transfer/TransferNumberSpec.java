package org.sangdam.transfer;

/** A number to add to the service's list: a label and a phone number or extension. */
public record TransferNumberSpec(String label, String number) {
}
