package org.sangdam.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/**
 * The console's language: Korean or English. The browser's Accept-Language decides
 * until the user picks one with the header's switch ({@code ?lang=ko|en} on any page),
 * which then holds for the rest of the session, the login page included.
 */
@Named("localeView")
@SessionScoped
public class LocaleView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Locale KOREAN = Locale.KOREAN;

    private Locale chosen;

    public Locale getLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String lang = faces.getExternalContext().getRequestParameterMap().get("lang");
        if ("ko".equals(lang) || "en".equals(lang)) {
            chosen = Locale.forLanguageTag(lang);
        }
        if (chosen != null) {
            return chosen;
        }
        if (faces.getExternalContext().getRequestHeaderMap().get("Accept-Language") == null) {
            return KOREAN;
        }
        // the best of the supported locales (faces-config.xml) for the browser's Accept-Language
        Locale fromBrowser = faces.getApplication().getViewHandler().calculateLocale(faces);
        return "en".equals(fromBrowser.getLanguage()) ? Locale.ENGLISH : KOREAN;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }
}
