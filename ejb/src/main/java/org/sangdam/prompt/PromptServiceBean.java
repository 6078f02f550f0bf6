package org.sangdam.prompt;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sangdam.access.Callers;
import org.sangdam.access.domain.Caller;
import org.sangdam.audit.AuditTrail;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.ValidationException;
import org.sangdam.cti.CtiRepository;
import org.sangdam.media.domain.Wav;
import org.sangdam.prompt.domain.PromptRules;
import org.sangdam.tenant.TenantRepository;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Stateless
@Local({PromptService.class, PromptStore.class})
@RolesAllowed({"SYSTEM_ADMIN", "SERVICE_ADMIN", "AGENT"})
public class PromptServiceBean implements PromptService, PromptStore {
    @Resource
    SessionContext context;
    @Inject
    Callers callers;
    @Inject
    AuditTrail audit;
    @Inject
    PromptRepository prompts;
    @Inject
    CtiRepository cti;
    @Inject
    TenantRepository tenants;

    @Override
    public List<PromptInfo> list(long tenantId) {
        member(tenantId);
        return prompts.list(tenantId).stream().map(PromptInfo::of).toList();
    }

    @Override
    public PromptInfo upload(long tenantId, String name, String kind, byte[] wav) {
        member(tenantId);
        Caller caller = callers.of(context);
        caller.requireSystemAdmin("upload prompts");
        PromptRules.newName(name);
        StoredPrompt.Kind k = kindOf(kind);
        if (wav != null && wav.length > MAX_UPLOAD_BYTES) {
            throw new ValidationException("file", "the file is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB");
        }
        short[] samples = PromptRules.decode(wav);
        if (prompts.exists(tenantId, name)) {
            throw new ConflictException("name", "the service already has a prompt named '" + name + "'");
        }
        StoredPrompt stored = prompts.add(new StoredPrompt(tenantId, name, k, Wav.toPcm(samples),
                PromptRules.durationMillis(samples), caller.username(), Instant.now()));
        audit.record(caller, tenantId, "prompt.uploaded", name, "kind=" + k + ", durationMillis=" + stored.getDurationMillis());
        return PromptInfo.of(stored);
    }

    @Override
    public void delete(long tenantId, String name) {
        member(tenantId);
        Caller caller = callers.of(context);
        caller.requireSystemAdmin("delete prompts");
        StoredPrompt prompt = prompts.find(tenantId, name).orElseThrow(() -> new NotFoundException("prompt", name));
        cti.settings(tenantId).ifPresent(s -> {
            if (name.equals(s.getMohPrompt()) || name.equals(s.getAnnouncementPrompt())) {
                throw new ConflictException("prompt", "'" + name + "' is in use in the service's CTI settings; choose another prompt there first");
            }
        });
        prompts.remove(prompt);
        audit.record(caller, tenantId, "prompt.deleted", name, null);
    }

    @Override
    public byte[] wav(long tenantId, String name) {
        member(tenantId);
        StoredPrompt prompt = prompts.find(tenantId, name).orElseThrow(() -> new NotFoundException("prompt", name));
        return Wav.encode(Wav.fromPcm(prompt.getPcm()));
    }

    /**
     * NOT_SUPPORTED: the SIP layer asks from the core's after-commit threads (telephony
     * commands run after the transaction committed), where joining the transaction fails.
     */
    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<short[]> samples(long tenantId, String name) {
        return prompts.find(tenantId, name).map(p -> Wav.fromPcm(p.getPcm()));
    }

    @Override
    @PermitAll
    public boolean exists(long tenantId, String name) {
        return PromptRules.BUILT_IN.contains(name) || prompts.exists(tenantId, name);
    }

    private void member(long tenantId) {
        callers.of(context).requireTenant(tenantId, "service", tenantId);
        tenants.find(tenantId).orElseThrow(() -> new NotFoundException("service", tenantId));
    }

    private static StoredPrompt.Kind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new ValidationException("kind", "kind is required: MUSIC or ANNOUNCEMENT");
        }
        try {
            return StoredPrompt.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("kind", "kind must be MUSIC or ANNOUNCEMENT, not '" + kind + "'");
        }
    }
}
