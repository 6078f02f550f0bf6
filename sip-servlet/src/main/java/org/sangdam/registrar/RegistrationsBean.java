package org.sangdam.registrar;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.sangdam.cti.domain.SipDigest;
import org.sangdam.registrar.domain.Binding;
import org.sangdam.registrar.domain.NonceIssuer;
import org.sangdam.registrar.domain.Registrar;
import org.sangdam.registrar.domain.RegistrationBook;
import org.sangdam.sip.domain.SipSettings;

import java.time.Clock;
import java.util.List;

/**
 * The registrar's state for this server: the bindings and the nonce key, in
 * memory. Why memory and not a table: phones refresh their registration within
 * their interval (an hour at most), so after a restart every phone is back within
 * one interval, while a table would be written on every refresh of every phone
 * and still hold stale contacts after a crash. The database stays the truth for
 * what must survive a restart (the CTI identities and passwords the registrar
 * checks against). The bindings are thread-safe on their own, hence bean-managed
 * concurrency; no transaction is needed for memory.
 */
@Singleton
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegistrationsBean implements Registrations {
    private Registrar registrar;

    @PostConstruct
    void init() {
        SipSettings settings = SipSettings.fromSystem();
        registrar = new Registrar(SipDigest.REALM, NonceIssuer.withRandomKey(settings.nonceLifetime()),
                new RegistrationBook(settings.expiry(), settings.maxContactsPerNumber()), Clock.systemUTC());
    }

    public String realm() {
        return registrar.realm();
    }

    /**
     * The registrar itself, for the REGISTER handler to call on the stack's thread:
     * its database lookups then happen outside this bean, in their own transaction.
     */
    public Registrar registrar() {
        return registrar;
    }

    @Override
    public List<Binding> contactsOf(String ctiNumber) {
        return registrar.contactsOf(ctiNumber);
    }

    @Override
    public boolean isRegistered(String ctiNumber) {
        return !registrar.contactsOf(ctiNumber).isEmpty();
    }

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false, info = "purge expired SIP registrations")
    void purge() {
        registrar.purge();
    }
}
