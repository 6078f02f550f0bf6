package org.sangdam.registrar;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sangdam.cti.CtiAgent;
import org.sangdam.cti.CtiRepository;
import org.sangdam.registrar.domain.PhoneAccount;
import org.sangdam.user.User;
import org.sangdam.user.UserRepository;

import java.util.Optional;

/** The phone account of a CTI number, read from {@code cti_agent} and {@code app_user} (R1.2, R1.4). */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PhoneAccounts {
    @Inject
    CtiRepository cti;
    @Inject
    UserRepository users;

    public Optional<PhoneAccount> byCtiNumber(String ctiNumber) {
        Optional<CtiAgent> agent = cti.agentByCtiNumber(ctiNumber);
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        CtiAgent a = agent.get();
        Optional<User> user = users.find(a.getUserId());
        return Optional.of(new PhoneAccount(a.getCtiNumber(), a.getUserId(), a.getTenantId(), a.getSipRealm(), a.getSipHa1(),
                user.map(User::isActive).orElse(false), user.map(User::hasPhonePermission).orElse(false)));
    }
}
