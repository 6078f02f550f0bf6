package org.sangdam.user;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sangdam.admin.FormErrors;
import org.sangdam.admin.ServicePage;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.cti.AgentQueues;
import org.sangdam.cti.CtiAgentService;
import org.sangdam.user.domain.Role;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 서비스 관리 → 상담원 (R1.2): the service's users; create, deactivate and reactivate,
 * reset a password, grant or revoke the phone permission, set the queues a CTI agent
 * answers (R2.6). The user service checks
 * the input and that the caller administers this service.
 */
@Named("agentsAdmin")
@ViewScoped
public class AgentsView extends ServicePage {
    private static final long serialVersionUID = 1L;

    @EJB
    UserService users;
    @EJB
    CtiAgentService ctiAgents;

    private List<UserInfo> members = List.of();
    private final FormErrors createErrors = new FormErrors();
    private final FormErrors rowErrors = new FormErrors();
    private final FormErrors passwordErrors = new FormErrors();

    private String username;
    private String displayName;
    private String password;
    private Role role = Role.AGENT;
    private boolean phonePermission;

    /** per CTI agent (by user id): the queues they answer, as typed ("sales, support"; blank = every queue) */
    private final Map<Long, String> queueInputs = new HashMap<>();

    private UserInfo resetFor;
    private String newPassword;

    @Override
    protected void loaded() {
        members = users.list(serviceId());
        queueInputs.clear();
        members.stream().filter(u -> u.ctiId() != null)
                .forEach(u -> queueInputs.put(u.id(), String.join(", ", ctiAgents.queues(serviceId(), u.id()).queues())));
    }

    /** sets the queues a CTI agent answers (R2.6); the CTI agent service checks each name */
    public void saveQueues(UserInfo u) {
        rowErrors.clear();
        String typed = queueInputs.get(u.id());
        List<String> queues = typed == null ? List.of()
                : Arrays.stream(typed.split("[,\\s]+")).filter(q -> !q.isBlank()).toList();
        try {
            ctiAgents.setQueues(serviceId(), u.id(), new AgentQueues(queues));
            FormErrors.info("admin.saved");
            loaded();
        } catch (SangdamException refused) {
            rowErrors.refused(refused, u.id() + ".");
        }
    }

    public void create() {
        createErrors.clear();
        try {
            users.create(serviceId(), new UserSpec(username, displayName, password, role, phonePermission));
            username = null;
            displayName = null;
            password = null;
            role = Role.AGENT;
            phonePermission = false;
            FormErrors.info("admin.saved");
            loaded();
        } catch (SangdamException refused) {
            createErrors.refused(refused);
        }
    }

    public void setActive(UserInfo u, boolean active) {
        update(u, new UserUpdate(null, active, null));
    }

    public void setPhone(UserInfo u, boolean phone) {
        update(u, new UserUpdate(null, null, phone));
    }

    private void update(UserInfo u, UserUpdate change) {
        rowErrors.clear();
        try {
            users.update(serviceId(), u.id(), change);
            FormErrors.info("admin.saved");
            loaded();
        } catch (SangdamException refused) {
            rowErrors.refused(refused, u.id() + ".");
        }
    }

    public void startReset(UserInfo u) {
        resetFor = u;
        newPassword = null;
        passwordErrors.clear();
    }

    public void resetPassword() {
        passwordErrors.clear();
        try {
            users.resetPassword(serviceId(), resetFor.id(), newPassword == null ? "" : newPassword);
            newPassword = null;
            FormErrors.info("admin.passwordReset");
        } catch (SangdamException refused) {
            passwordErrors.refused(refused);
        }
    }

    public String rowError(long id) {
        Map<String, String> e = rowErrors.getByField();
        return e.entrySet().stream().filter(x -> x.getKey().startsWith(id + ".")).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    public Role[] getRoles() {
        return new Role[] {Role.AGENT, Role.SERVICE_ADMIN};
    }

    public List<UserInfo> getMembers() { return members; }
    public Map<Long, String> getQueueInputs() { return queueInputs; }
    public Map<String, String> getCreateErrors() { return createErrors.getByField(); }
    public Map<String, String> getPasswordErrors() { return passwordErrors.getByField(); }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public Role getRole() { return role; }
    public void setRole(Role v) { role = v; }
    public boolean isPhonePermission() { return phonePermission; }
    public void setPhonePermission(boolean v) { phonePermission = v; }
    public UserInfo getResetFor() { return resetFor; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String v) { newPassword = v; }
}
