package org.sangdam.transfer;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.sangdam.admin.FormErrors;
import org.sangdam.admin.ServicePage;
import org.sangdam.common.domain.SangdamException;

import java.util.List;
import java.util.Map;

/** 서비스 관리 → 자주 사용되는 호전환 번호 (R1.6): the list the transfer dialog offers. */
@Named("transferNumbersAdmin")
@ViewScoped
public class TransferNumbersView extends ServicePage {
    private static final long serialVersionUID = 1L;

    @EJB
    TransferNumberService transferNumbers;

    private List<TransferNumberInfo> numbers = List.of();
    private final FormErrors errors = new FormErrors();
    private String label;
    private String number;

    @Override
    protected void loaded() {
        numbers = transferNumbers.list(serviceId());
    }

    public void add() {
        errors.clear();
        try {
            transferNumbers.add(serviceId(), new TransferNumberSpec(label, number));
            label = null;
            number = null;
            FormErrors.info("admin.saved");
            loaded();
        } catch (SangdamException refused) {
            errors.refused(refused);
        }
    }

    public void remove(long id) {
        errors.clear();
        try {
            transferNumbers.remove(serviceId(), id);
            FormErrors.info("admin.removed");
            loaded();
        } catch (SangdamException refused) {
            errors.refused(refused);
        }
    }

    public List<TransferNumberInfo> getNumbers() { return numbers; }
    public Map<String, String> getErrors() { return errors.getByField(); }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public String getNumber() { return number; }
    public void setNumber(String v) { number = v; }
}
