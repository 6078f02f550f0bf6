package org.sangdam.telephony;

import java.util.function.Consumer;

/** A command for the phone network, fired as a CDI event and carried out once the transaction has committed. */
public record TelephonyCommand(String description, Consumer<TelephonyPort> action) {
}
