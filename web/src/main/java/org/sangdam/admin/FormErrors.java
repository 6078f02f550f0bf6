package org.sangdam.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.sangdam.common.domain.AccessDeniedException;
import org.sangdam.common.domain.ConflictException;
import org.sangdam.common.domain.NotFoundException;
import org.sangdam.common.domain.SangdamException;
import org.sangdam.common.domain.ValidationException;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A form's refusals, per field, as the page shows them beside the inputs. The text is
 * the bundle's {@code admin.error.<kind>.<field>} in the user's language when there is
 * one, else the service's own message. A refused action changed nothing (the services
 * roll back), and the form keeps what the user typed: the beans clear their inputs
 * only on success.
 */
public final class FormErrors implements Serializable {
    private static final long serialVersionUID = 1L;
    /** the key for a refusal that names no field of the form */
    public static final String FORM = "form";

    private final Map<String, String> byField = new HashMap<>();

    public Map<String, String> getByField() {
        return byField;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public void clear() {
        byField.clear();
    }

    /** records the refusal under its field (or {@link #FORM}) and marks the request failed, so dialogs stay open */
    public void refused(SangdamException e) {
        refused(e, "");
    }

    /** the same, for a form with one row per object: the field is prefixed with the row's key; returns the text shown */
    public String refused(SangdamException e, String rowPrefix) {
        String kind;
        String field = null;
        if (e instanceof ValidationException v) {
            kind = "validation";
            field = v.field();
        } else if (e instanceof ConflictException c) {
            kind = "conflict";
            field = c.field();
        } else if (e instanceof NotFoundException) {
            kind = "notFound";
        } else if (e instanceof AccessDeniedException) {
            kind = "forbidden";
        } else {
            kind = "other";
        }
        // "body" and "id" name no input of a form: the refusal is the form's as a whole
        boolean onField = field != null && !"body".equals(field) && !"id".equals(field);
        String text = localized(onField ? "admin.error." + kind + "." + field : "admin.error." + kind, e.getMessage());
        byField.put(rowPrefix + (onField ? field : FORM), text);
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            faces.validationFailed();
        }
        return text;
    }

    /** a refusal for an action with no form of its own (a switch in a table row): also shown at the top of the page */
    public void refusedOnPage(SangdamException e, String rowPrefix) {
        String text = refused(e, rowPrefix);
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
    }

    /** a message for the whole page, e.g. "saved" */
    public static void info(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key), null));
    }

    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return bundle.getString(key);
    }

    private static String localized(String key, String fallback) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return fallback;
        }
        try {
            return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        } catch (MissingResourceException none) {
            return fallback;
        }
    }
}
