package org.sangdam.callerid;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sangdam.admin.FormErrors;
import org.sangdam.admin.ServicePage;
import org.sangdam.common.domain.SangdamException;

import java.util.List;
import java.util.Map;

/** 서비스 관리 → 전화 → 발신번호 관리 (R1.5): register numbers with a note for the reviewer, and see where each stands. */
@Named("callerIdsAdmin")
@ViewScoped
public class CallerIdsView extends ServicePage {
    private static final long serialVersionUID = 1L;

    @EJB
    CallerIdService callerIds;

    private List<CallerIdInfo> numbers = List.of();
    private final FormErrors errors = new FormErrors();
    private String number;
    private String note;

    @Override
    protected void loaded() {
        numbers = callerIds.list(serviceId());
    }

    public void register() {
        errors.clear();
        try {
            callerIds.register(serviceId(), new CallerIdRequest(number, note, null));
            number = null;
            note = null;
            FormErrors.info("admin.saved");
            loaded();
        } catch (SangdamException refused) {
            errors.refused(refused);
        }
    }

    public List<CallerIdInfo> getNumbers() { return numbers; }
    public Map<String, String> getErrors() { return errors.getByField(); }
    public String getNumber() { return number; }
    public void setNumber(String v) { number = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
}
