package org.sangdam.registrar;

import jakarta.ejb.Local;
import org.sangdam.registrar.domain.Binding;

import java.util.List;

/**
 * Where an agent's phones can be reached: the live contacts registered for a CTI
 * number, most recently registered first. The call code (issue 5, agent legs)
 * sends an INVITE to each contact, through {@link Binding#source()} when the
 * phone is behind NAT.
 */
@Local
public interface Registrations {
    List<Binding> contactsOf(String ctiNumber);

    boolean isRegistered(String ctiNumber);
}
